// The pieces of a 3+X joint panel (issue 9) every page shows alike: when and where, the members with
// their roles and seats, the viewer's own seat to answer, and the minutes (会商纪要). They render the
// view and its `actions` as the model gives them; no rule is recomputed here. Seat answers post to the
// panel page (/panels/:id), so they work from the dashboard and the case page without JavaScript.
import { Form, Link } from "@remix-run/react";
import { ReplaceSeatForm, type PanelChangeFailure } from "~/components/panel-changes";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import {
  PANEL_SEVERITIES,
  type PanelCandidateView,
  type PanelListItem,
  type PanelMemberView,
  type PanelMinutesView,
  type PanelView,
} from "~/models/panel-types";

/** A seat's badge in the booking statuses' colours: invited waits like a pending request. */
export const SEAT_CLASS = { invited: "status-pending", confirmed: "status-confirmed", declined: "status-declined" } as const;
const PANEL_CLASS = { booked: "status-confirmed", held: "status-completed", cancelled: "status-cancelled" } as const;

/** When, where and the state of the panel, as a definition list. */
export function PanelFacts({ panel }: { panel: PanelListItem }) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  return (
    <dl className="inline-facts panel-facts">
      <div>
        <dt>{p.when}</dt>
        <dd>{formatSession(panel.start, panel.end, locale)}</dd>
      </div>
      <div>
        <dt>{p.where}</dt>
        <dd lang={dataLang(locale)}>{panel.roomName}</dd>
      </div>
      <div>
        <dt>{p.filterLabel}</dt>
        <dd>
          <span className={`status-badge ${PANEL_CLASS[panel.status]}`}>{p.status[panel.status]}</span>
        </dd>
      </div>
      {panel.cancelReason ? (
        <div>
          <dt>{p.cancelReasonLabel}</dt>
          <dd lang={dataLang(locale)}>{panel.cancelReason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** One seat's answer as a small form; `label` names the member for a screen reader when staff answer for them. */
function SeatButton({
  panelId,
  personId,
  answer,
  label,
  text,
}: {
  panelId: number;
  personId: number;
  answer: "confirm" | "decline";
  label?: string;
  text: string;
}) {
  return (
    <Form method="post" action={`/panels/${panelId}`} className="panel-seat-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="answer" value={answer} />
      <button type="submit" className={answer === "confirm" ? "button button-primary" : "button"} aria-label={label}>
        {text}
      </button>
    </Form>
  );
}

/**
 * The members: a table on a desktop, a card per member on a phone (queue.css's data-label pattern).
 * With `replacements` (the panel page, for staff) a declined seat carries its replace form.
 */
export function PanelMembers({
  panel,
  headingLevel = 2,
  replacements,
  failed,
}: {
  panel: PanelListItem;
  headingLevel?: 2 | 3;
  replacements?: Record<number, PanelCandidateView[]>;
  failed?: PanelChangeFailure | null;
}) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const answerable = (m: PanelMemberView) => panel.actions.respondFor && m.status === "invited" && panel.status === "booked";
  const anyAnswer = panel.members.some(answerable);
  return (
    <div className="panel-members">
      <Heading id={`panel-${panel.id}-members`}>{p.membersHeading}</Heading>
      <table className="data-table panel-members-table" aria-labelledby={`panel-${panel.id}-members`}>
        <thead>
          <tr>
            <th scope="col">{p.memberRole}</th>
            <th scope="col">{p.memberName}</th>
            <th scope="col">{p.memberSeat}</th>
            {anyAnswer ? <th scope="col">{p.answerFor}</th> : null}
          </tr>
        </thead>
        <tbody>
          {panel.members.map((m) => (
            <tr key={`${m.seat}-${m.personId}`} className={`panel-member seat-${m.status}`}>
              <td data-label={p.memberRole}>{p.roleName(m.seat)}</td>
              {/* One element per cell: on a phone the cell is a grid of its label and its content. */}
              <td data-label={p.memberName}>
                <div>
                  <span lang={dataLang(locale)}>{m.name}</span>
                  {m.isViewer ? p.you : ""}
                  <span className="small muted panel-member-title" lang={dataLang(locale)}>
                    {[m.title, m.organisation].filter(Boolean).join(" · ")}
                  </span>
                </div>
              </td>
              <td data-label={p.memberSeat}>
                <div>
                  <span className={`status-badge ${SEAT_CLASS[m.status]}`}>{p.seat[m.status]}</span>
                  {m.respondedByStaffName ? (
                    <span className="small muted panel-member-title">{p.byStaff(m.respondedByStaffName)}</span>
                  ) : null}
                  {m.replaceable && replacements?.[m.personId] ? (
                    <ReplaceSeatForm panelId={panel.id} member={m} candidates={replacements[m.personId]} failed={failed} />
                  ) : null}
                </div>
              </td>
              {anyAnswer ? (
                <td data-label={p.answerFor}>
                  {answerable(m) ? (
                    <div className="panel-seat-actions">
                      <SeatButton
                        panelId={panel.id}
                        personId={m.personId}
                        answer="confirm"
                        text={p.confirmOther}
                        label={p.confirmFor(m.name)}
                      />
                      <SeatButton
                        panelId={panel.id}
                        personId={m.personId}
                        answer="decline"
                        text={p.declineOther}
                        label={p.declineFor(m.name)}
                      />
                    </div>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The viewer's own seat, when they hold one they may still answer: confirm or decline. */
export function YourSeat({ panel, headingLevel = 2 }: { panel: PanelListItem; headingLevel?: 2 | 3 }) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const mine = panel.members.find((m) => m.isViewer);
  if (!mine || !(panel.actions.confirm || panel.actions.decline)) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="panel-your-seat" role="group" aria-labelledby={`panel-${panel.id}-seat`}>
      <Heading id={`panel-${panel.id}-seat`}>{p.yourSeatHeading}</Heading>
      <p>{p.yourSeat(p.roleName(mine.seat), formatCentreTime(panel.start, locale))}</p>
      <div className="panel-seat-actions">
        {panel.actions.confirm ? <SeatButton panelId={panel.id} personId={mine.personId} answer="confirm" text={p.confirm} /> : null}
        {panel.actions.decline ? <SeatButton panelId={panel.id} personId={mine.personId} answer="decline" text={p.decline} /> : null}
      </div>
    </div>
  );
}

/** 会商纪要: who said what, in order; the decided plan; dissent; the outcome; who recorded them. */
export function PanelMinutes({ minutes, headingLevel = 2, id }: { minutes: PanelMinutesView | null; headingLevel?: 2 | 3; id: string }) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const lang = dataLang(locale);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <div className="panel-minutes" role="group" aria-labelledby={id}>
      <Heading id={id}>{p.minutesHeading}</Heading>
      {!minutes ? (
        <p className="muted">{p.noMinutes}</p>
      ) : (
        <>
          <ol className="panel-minutes-entries">
            {minutes.entries.map((e, i) => (
              <li key={i}>
                <strong lang={lang}>{e.speaker}</strong>
                {t.colon}
                <span lang={lang}>{e.said}</span>
              </li>
            ))}
          </ol>
          <Sub>{p.plan}</Sub>
          <p className="panel-minutes-text" lang={lang}>
            {minutes.plan}
          </p>
          <Sub>{p.dissent}</Sub>
          <p className="panel-minutes-text" lang={minutes.dissent ? lang : undefined}>
            {minutes.dissent || p.noDissent}
          </p>
          <p className="panel-outcome">
            {p.outcome}
            {t.colon}
            <strong>{p.outcomes[minutes.outcome]}</strong>
          </p>
          <p className="small muted">{p.recordedBy(minutes.recordedByName, formatCentreTime(minutes.recordedAt, locale))}</p>
        </>
      )}
    </div>
  );
}

/** A link to the panel page and, for those who may, to the minutes form. */
export function PanelLinks({ panel, self = false }: { panel: PanelView | PanelListItem; self?: boolean }) {
  const t = useT();
  const p = t.panels;
  return (
    <p className="panel-links">
      {self ? null : (
        <Link to={`/panels/${panel.id}`} aria-label={p.openFor(panel.caseNumber)}>
          {p.open}
        </Link>
      )}
      {panel.actions.recordMinutes ? (
        <Link to={`/panels/${panel.id}/minutes`} className="button">
          {p.recordMinutes}
        </Link>
      ) : null}
    </p>
  );
}

/** The work queue's way in: a major or group case gets "convene a 3+X panel" on its row. */
export function ConvenePanelLink({ caseId, number, severity }: { caseId: number; number: string; severity: string }) {
  const t = useT();
  if (!(PANEL_SEVERITIES as readonly string[]).includes(severity)) return null;
  // The queue's own class: on its own line under the reason, like the pre-litigation button.
  return (
    <div className="work-queue-flag">
      <Link to={`/staff/panels/new?case=${caseId}`} className="button button-small" aria-label={t.panels.conveneFor(number)}>
        {t.panels.conveneLink}
      </Link>
    </div>
  );
}
