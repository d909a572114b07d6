// After a client-side navigation to another page, move focus to the new page's h1 so a screen reader
// announces where the visitor is and the next Tab starts in the page, not back in the header (issue 11).
// Not on the first load (the browser starts at the top), not for a link to an in-page #anchor (the
// browser moves there), not when only the query changes (search filters keep focus where it was), and
// not when the page has already put focus somewhere in its main content (an error summary, a notice).
import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function useFocusHeadingOnNavigation() {
  const { pathname, hash } = useLocation();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = pathname;
    if (before === null || before === pathname || hash) return;
    const main = document.getElementById("main");
    const active = document.activeElement;
    if (!main || (active && active !== main && main.contains(active))) return;
    const heading = main.querySelector<HTMLElement>("h1");
    if (!heading) return;
    // -1: focusable by script only, so the heading does not become a Tab stop of its own.
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    // ScrollRestoration decides the scroll position; focusing must not jump the page.
    heading.focus({ preventScroll: true });
  }, [pathname, hash]);
}
