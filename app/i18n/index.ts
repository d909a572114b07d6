// The page's locale comes from the root loader (which reads the `lang` cookie); components read it here.
import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "../../domain";
import { catalogue } from "./catalogue.server";
import type { Messages } from "./messages";

export type { Messages };

/**
 * The words of each language. On the server (and in tests) both languages; in the browser only the
 * page's own, which app/entry.client.tsx registers before hydrating: the catalogue is the largest
 * script of the site and a page never shows the other language (switching is a full page load via
 * /lang/:locale). So `messages[locale]` is safe for the page's locale everywhere, and only there.
 * `catalogue` is undefined in the browser bundle (an emptied `.server` module). ADR 033.
 */
export const messages: Record<Locale, Messages> = { ...(catalogue as Record<Locale, Messages> | undefined) } as Record<Locale, Messages>;

/** The browser's half of the registry: called once by app/entry.client.tsx, before hydration. */
export function registerMessages(locale: Locale, words: Messages): void {
  messages[locale] = words;
}
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
