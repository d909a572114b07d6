// Pieces shared by the mediator and committee pages.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { FacetLine, FacetTags } from "./facet-values";

/** Modes, towns served on site (island towns marked) and languages. */
export function ProfileService({
  modes,
  towns,
  languages,
  heading,
  note,
}: {
  modes: string[];
  towns: string[];
  languages: string[];
  heading: string;
  note?: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="service-heading" className="panel">
      <h2 id="service-heading">{heading}</h2>
      {note ? <p className="small muted">{note}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t.profile.modes}</dt>
          <dd>
            <FacetLine facet="mode" values={modes} />
          </dd>
        </div>
        <div>
          <dt>{t.profile.towns}</dt>
          <dd>{towns.length ? <FacetTags facet="town" values={towns} /> : t.profile.townsNone}</dd>
        </div>
        <div>
          <dt>{t.profile.languages}</dt>
          <dd>
            <FacetLine facet="language" values={languages} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The way into booking from a profile: when the next free time is, and the link to the calendar. */
export function BookingPanel({
  note,
  href,
  buttonLabel,
  children,
}: {
  note: string;
  href: string;
  buttonLabel: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby="booking-heading" className="panel booking">
      <h2 id="booking-heading">{t.profile.bookingHeading}</h2>
      {children}
      <Link to={href} className="button button-primary" aria-describedby="booking-note">
        {buttonLabel}
      </Link>
      <p id="booking-note" className="small muted">
        {note}
      </p>
    </section>
  );
}

/**
 * On a phone the booking panel is screens below the top of a profile: a bar fixed to the bottom of the
 * screen with the earliest free time and the way into booking (hidden on wide screens, where the panel
 * sits beside the profile). The profile keeps room under its last line so the bar never covers it.
 */
export function StickyBooking({ href, next }: { href: string; next: string | null }) {
  const t = useT();
  return (
    <aside className="sticky-book" aria-label={t.pages.sticky.label}>
      <p className="sticky-book-next">{next ? t.pages.sticky.next(next) : t.pages.sticky.none}</p>
      <Link to={href} className="button button-primary">
        {t.pages.sticky.book}
      </Link>
    </aside>
  );
}
