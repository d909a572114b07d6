// The staff's list of ferry suspensions (issue 9): each with its towns and time, whether it is in force
// (with a button to lift it early), and the sessions it caught as cards (readable on a phone), each with
// who must cross, what was offered, what became of it, and, while open, buttons to answer for a party
// who called. Plain forms: no JavaScript needed.
import { Form, Link } from "@remix-run/react";
import { facetLabel } from "../../domain";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime, formatSession } from "~/i18n/format";
import type { SuspensionView } from "~/models/sea.server";

function Post({ fields, label, className = "button" }: { fields: Record<string, string>; label: string; className?: string }) {
  return (
    <Form method="post" className="sea-inline-form">
      <CsrfInput />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  );
}

export function SeaList({ suspensions }: { suspensions: SuspensionView[] }) {
  const t = useT();
  const s = t.sea;
  const locale = useLocale();
  const lang = dataLang(locale);
  const sep = locale === "zh" ? "、" : ", ";
  if (suspensions.length === 0) return <p>{s.none}</p>;
  return (
    <ol className="sea-list">
      {suspensions.map((sus) => (
        <li key={sus.id} className="panel sea-suspension">
          <h3>
            {sus.towns.map((town) => facetLabel("town", town, locale)).join(sep)}
            <span className={`sea-badge ${sus.inForce ? "sea-badge-on" : ""}`}>{sus.inForce ? s.inForce : s.over}</span>
          </h3>
          <p>
            {formatCentreTime(sus.from, locale)} – {formatCentreTime(sus.to, locale)}
            {sus.liftedAt ? <span className="muted">（{s.liftedAt(formatCentreTime(sus.liftedAt, locale))}）</span> : null}
          </p>
          {sus.note ? (
            <p className="small" lang={lang}>
              {sus.note}
            </p>
          ) : null}
          {sus.inForce ? <Post fields={{ intent: "lift", id: String(sus.id) }} label={s.liftButton} /> : null}
          <h4>{s.sessionsHeading(sus.sessions.length)}</h4>
          {sus.sessions.length === 0 ? <p className="muted">{s.sessionsNone}</p> : null}
          <ul className="sea-sessions">
            {sus.sessions.map((x) => (
              <li key={x.bookingId} className={`sea-session sea-state-${x.action}`}>
                <p className="sea-session-when">
                  <strong>{formatSession(x.start, x.end, locale)}</strong> · {facetLabel("mode", x.mode, locale)}
                  {x.town ? ` · ${facetLabel("town", x.town, locale)}` : ""}
                </p>
                <dl className="facts sea-facts">
                  <div>
                    <dt>{s.col.case}</dt>
                    <dd>
                      <Link to={`/bookings/${x.bookingId}`}>{x.caseNumber || `#${x.bookingId}`}</Link>
                    </dd>
                  </div>
                  <div>
                    <dt>{s.col.party}</dt>
                    <dd lang={lang}>{x.partyName}</dd>
                  </div>
                  <div>
                    <dt>{s.col.mediator}</dt>
                    <dd lang={lang}>{x.mediatorName}</dd>
                  </div>
                  <div>
                    <dt>{s.col.crossing}</dt>
                    <dd>{s.crossingShort[x.crossing]}</dd>
                  </div>
                  <div>
                    <dt>{s.col.offer}</dt>
                    <dd>{x.offeredOnline ? s.offerOnline : s.offerTimes}</dd>
                  </div>
                  <div>
                    <dt>{s.col.state}</dt>
                    <dd>
                      <strong>{s.state[x.action]}</strong>
                      {x.resolvedByStaff ? s.byStaff : ""}
                    </dd>
                  </div>
                </dl>
                {x.open ? (
                  <div className="sea-act" role="group" aria-label={`${s.col.act} · ${x.caseNumber || x.bookingId}`}>
                    {x.offeredOnline ? (
                      <Post fields={{ intent: "answer", bookingId: String(x.bookingId), accept: "online" }} label={s.actOnline} />
                    ) : null}
                    <Post fields={{ intent: "answer", bookingId: String(x.bookingId), accept: "keep" }} label={s.actKeep} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
