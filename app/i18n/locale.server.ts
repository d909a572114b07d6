// The `lang` cookie: the only place the locale is read from or written to.
import type { Locale } from "../../domain";
import { DEFAULT_LOCALE, isLocale } from "./index";

const COOKIE = "lang";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function getLocale(request: Request): Locale {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      if (isLocale(value)) return value;
    }
  }
  return DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly`;
}

/**
 * Where to go after switching language: a path on this site only. Anything absolute, protocol-relative
 * (`//evil.example`, `/\evil.example`) or otherwise odd falls back to the home page.
 */
export function safeRedirectPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\\]/.test(next)) return fallback;
  try {
    const base = "http://site.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
