// The page's locale comes from the root loader (which reads the `lang` cookie); components read it here.
import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../../domain";
import { messages, type Messages } from "./messages";

export { messages, type Messages };
export const LOCALES = ["zh", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "zh";

export function isLocale(value: unknown): value is Locale {
  return value === "zh" || value === "en";
}

/**
 * The locale of the current page. Falls back to the default when the root loader has no data (an
 * error thrown before it ran), so error pages still render.
 */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

export function useT(): Messages {
  return messages[useLocale()];
}

/** For `meta` functions, which cannot use hooks: the locale from the root match. */
export function localeFromMatches(matches: ReadonlyArray<{ id: string; data?: unknown }>): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** `lang` for Chinese-only data (names, bios) on an English page, so screen readers switch voice. */
export function dataLang(locale: Locale): string | undefined {
  return locale === "zh" ? undefined : "zh-CN";
}
