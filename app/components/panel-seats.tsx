// The dashboard's panel invitations (issue 9): each upcoming panel the signed-in person sits on, their
// role, when and where, the case's number, and their seat to confirm or decline (posted to the panel
// page, which redirects back to the panel). Nothing is shown to a mediator who sits on no panel.
import { Link } from "@remix-run/react";
import { SEAT_CLASS, YourSeat } from "~/components/panel-parts";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import type { PanelListItem } from "~/models/panel-types";
import panelsHref from "~/styles/panels.css";

export function PanelSeats({ panels }: { panels: PanelListItem[] }) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  if (panels.length === 0) return null;
  return (
    <section aria-labelledby="panel-seats-heading" className="dashboard-section panel-seats">
      <link rel="stylesheet" href={panelsHref} />
      <h2 id="panel-seats-heading">{p.seatsHeading(panels.length)}</h2>
      <ol className="booking-list">
        {panels.map((panel) => {
          const mine = panel.members.find((m) => m.isViewer);
          return (
            <li key={panel.id}>
              <article className="booking-card panel-seat-card" aria-labelledby={`panel-seat-${panel.id}`}>
                <div className="booking-card-head">
                  <h3 id={`panel-seat-${panel.id}`} className="booking-card-title">
                    <Link
                      to={`/panels/${panel.id}`}
                      aria-label={`${formatSession(panel.start, panel.end, locale)}（${p.openFor(panel.caseNumber)}）`}
                    >
                      {formatSession(panel.start, panel.end, locale)}
                    </Link>
                  </h3>
                  {mine ? <span className={`status-badge ${SEAT_CLASS[mine.status]}`}>{p.seat[mine.status]}</span> : null}
                </div>
                <p>
                  {p.seatCase(panel.caseNumber)}
                  {mine ? ` · ${p.seatAs(p.roleName(mine.seat))}` : ""}
                </p>
                <dl className="inline-facts">
                  <div>
                    <dt>{p.where}</dt>
                    <dd lang={dataLang(locale)}>{panel.roomName}</dd>
                  </div>
                </dl>
                <YourSeat panel={panel} headingLevel={3} />
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
