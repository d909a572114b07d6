// The skip links: the first focusable elements of every page (WCAG 2.4.1). "Skip to main content" jumps
// to the main landmark (which has tabIndex -1, so focus lands there, not only the scroll); on the search
// page a second one jumps past the 30-odd filter controls straight to the results (#results).
import { useLocation } from "@remix-run/react";
import { useT } from "~/i18n";

export function SkipLinks() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <div className="skip-links">
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      {pathname === "/search" ? (
        <a className="skip-link" href="#results">
          {t.skipToResults}
        </a>
      ) : null}
    </div>
  );
}
