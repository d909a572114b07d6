// Mainland mobile numbers as people type them: "138 0013 8000", "138-0013-8000", "+86 138…", "0086138…",
// full-width digits from a Chinese keyboard. One normal form, 11 digits starting with 1, so that a phone
// signs in to the same account however it was written, and a text message goes to a number that exists.

/** The normal form: 1, then a second digit 3–9, then nine digits (the numbering plan's mobile ranges). */
export const MOBILE_RE = /^1[3-9][0-9]{9}$/;

/**
 * The most characters read as a phone number: one with a separator between every digit and a prefix is
 * about 50. The schema (app/models/otp-schemas.ts) and every phone input's maxLength use this bound.
 */
export const MOBILE_INPUT_MAX = 64;

/** Spaces, dashes, dots and brackets people put between the groups. */
const SEPARATORS = /[\s\-.()\u3000\u2010-\u2015\uFF08\uFF09\uFF0D]/g;

/** Full-width digits and plus (Chinese input methods) read as their ASCII twins. */
function halfWidth(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The 11-digit form of a mainland mobile number, or null when the input is not one. Accepts the country
 * code as "+86", "0086" or "86" in front of the 11 digits (not "86" alone before fewer digits).
 */
export function normalizeMobile(input: string): string | null {
  if (typeof input !== "string" || input.length > MOBILE_INPUT_MAX) return null;
  let s = halfWidth(input).replace(SEPARATORS, "");
  if (s.startsWith("+86")) s = s.slice(3);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.length === 13 && s.startsWith("86")) s = s.slice(2);
  return MOBILE_RE.test(s) ? s : null;
}

/** "138****8000": enough for a person to recognise their own number on a page, not to read it off. */
export function maskMobile(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "****";
}
