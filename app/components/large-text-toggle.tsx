// The larger-text, higher-contrast mode (适老化) switch: a plain POST form like the language switch's
// link, so it works without JavaScript; the server sets a cookie and the root renders a class on <html>
// (no flash of small text, and it sticks across pages and visits). aria-pressed tells a screen reader
// the state; the visible text is the accessible name's start (axe label-content-name-mismatch).
import { Form, useLocation } from "@remix-run/react";
import { useT } from "~/i18n";

const COOKIE = "large_text";
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The mode from a request's Cookie header (read by the root loader). */
export function largeTextFromCookie(header: string | null): boolean {
  return /(?:^|;\s*)large_text=1(?:;|$)/.test(header ?? "");
}

export function largeTextCookie(on: boolean): string {
  return on ? `${COOKIE}=1; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly` : `${COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly`;
}

export function LargeTextToggle({ on }: { on: boolean }) {
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/prefs/large-text" className="large-text-form" reloadDocument>
      <input type="hidden" name="value" value={on ? "off" : "on"} />
      <input type="hidden" name="next" value={`${location.pathname}${location.search}`} />
      <button type="submit" className="nav-button large-text-toggle" aria-pressed={on} title={t.largeText.label}>
        <span aria-hidden="true" className="large-text-icon">
          A+
        </span>{" "}
        {t.largeText.on}
      </button>
    </Form>
  );
}
