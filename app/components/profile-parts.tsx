// Pieces shared by the mediator and committee pages.
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

/** Booking arrives in a later issue: say so plainly instead of pretending. */
export function BookingPlaceholder({ note, children }: { note: string; children?: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby="booking-heading" className="panel booking">
      <h2 id="booking-heading">{t.profile.bookingHeading}</h2>
      {children}
      <button type="button" className="button button-primary" disabled aria-describedby="booking-note">
        {t.profile.bookingButton}
      </button>
      <p id="booking-note" className="small muted">
        {note}
      </p>
    </section>
  );
}
