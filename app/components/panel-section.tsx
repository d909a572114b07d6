// The case page's 3+X joint panel (issue 9): when and where, the members with their roles and seats,
// the viewer's own seat to answer, the minutes and the outcome. Staff see "convene a panel" on a major
// or group case without one. The view comes from the case page's loader (getCasePanel: null when there
// is no panel or the viewer is not entitled to it); the stylesheet is linked here so the case page's
// route needs no change beyond this component.
import { Link } from "@remix-run/react";
import { PanelFacts, PanelLinks, PanelMembers, PanelMinutes, YourSeat } from "~/components/panel-parts";
import { useUser } from "~/components/session";
import { useT } from "~/i18n";
import type { PanelView } from "~/models/panel-types";
import { PANEL_SEVERITIES } from "../../domain/panel";
import panelsHref from "~/styles/panels.css";

export function CasePanelSection({ panel, caseId, severity }: { panel: PanelView | null; caseId: number; severity: string }) {
  const t = useT();
  const p = t.panels;
  const user = useUser();
  const staff = user?.role === "staff" || user?.role === "admin";
  const forPanels = (PANEL_SEVERITIES as readonly string[]).includes(severity);
  if (!panel && !(staff && forPanels)) return null;
  return (
    <section className="panel case-panel-section" aria-labelledby="case-panel-heading">
      <link rel="stylesheet" href={panelsHref} />
      <h2 id="case-panel-heading">{p.panelHeading}</h2>
      {panel ? (
        <>
          <PanelFacts panel={panel} />
          <YourSeat panel={panel} headingLevel={3} />
          <PanelMembers panel={panel} headingLevel={3} />
          <PanelMinutes minutes={panel.minutes} headingLevel={3} id="case-panel-minutes" />
          <PanelLinks panel={panel} />
        </>
      ) : null}
      {/* Another panel: none yet, the last one cancelled, or its minutes asked for one more. */}
      {staff && forPanels && (!panel || panel.status === "cancelled" || panel.minutes?.outcome === "further-panel") ? (
        <p>
          <Link className="button" to={`/staff/panels/new?case=${caseId}`}>
            {p.conveneLink}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
