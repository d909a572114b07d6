// The `lang` cookie: the only place the locale is read from or written to.
import type { Locale } from "../../domain";
import { readCookie } from "../../server/http.mjs";
import { DEFAULT_LOCALE, isLocale } from "./index";

const COOKIE = "lang";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function getLocale(request: Request): Locale {
  const value = readCookie(request.headers.get("Cookie"), COOKIE);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly`;
}
