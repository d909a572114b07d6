// The read-only sections of the case page: the progress line (filed → mediator chosen → mediation →
// closed, with dates), the case's facts, the mediator and the applicant's picks, the parties (phones
// only where the view gives them), the sessions, the agreement with its obligations and instalments and
// the judicial-confirmation countdown, and the case's log for staff.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { JUDICIAL_CONFIRMATION_DAYS, facetLabel } from "../../domain";
import { dataLang, useLocale, useT } from "~/i18n";
import { centreDate, formatCentreTime, formatSession } from "~/i18n/format";
import type { CasePageView } from "~/models/case-pages.server";
import { Fact, formatDate, formatYuan } from "./case-parts";

type Page = CasePageView;

const dateOf = (iso: string, locale: "zh" | "en") => formatDate(centreDate(iso), locale);

export function CaseTimeline({ timeline }: { timeline: Page["timeline"] }) {
  const t = useT();
  const w = t.casePages.page.timeline;
  const locale = useLocale();
  const steps: { label: string; at: string | null }[] = [
    { label: w.filed, at: timeline.filedAt },
    { label: w.agreed, at: timeline.agreedAt },
    { label: w.started, at: timeline.startedAt },
    { label: w.closed, at: timeline.closedAt },
  ];
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{w.heading}</h2>
      <ol className="case-timeline">
        {steps.map((s) => (
          <li key={s.label} className={s.at ? "is-done" : "is-pending"}>
            <span className="step-label">{s.label}</span>
            <span className="step-date">{s.at ? dateOf(s.at, locale) : w.pending}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CaseDetails({ c }: { c: Page["case"] }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{w.details}</h2>
      <dl className="facts">
        <Fact label={w.category}>{facetLabel("category", c.category, locale)}</Fact>
        <Fact label={w.description} lang={lang}>
          <span className="bio">{c.description}</span>
        </Fact>
        {c.town ? <Fact label={w.town}>{facetLabel("town", c.town, locale)}</Fact> : null}
        {c.amountYuan !== null ? <Fact label={w.amount}>{w.yuan(formatYuan(c.amountYuan))}</Fact> : null}
        {c.dueAt && !c.closedAt ? <Fact label={w.due}>{dateOf(c.dueAt, locale)}</Fact> : null}
        <Fact label={w.channel}>{w.channels[c.channel]}</Fact>
      </dl>
    </section>
  );
}

export function CaseMediator({ c }: { c: Page["case"] }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <section className="panel" aria-labelledby="mediator-heading">
      <h2 id="mediator-heading">{w.mediatorHeading}</h2>
      {c.mediator ? (
        <p>
          <Link to={`/mediators/${c.mediator.id}`} lang={lang}>
            {c.mediator.name}
          </Link>
        </p>
      ) : (
        <p>{w.noMediator}</p>
      )}
      {c.preLitigation ? (
        <p className="notice" data-testid="pre-litigation">
          {w.preLitigation(dateOf(c.preLitigation.at, locale), c.preLitigation.judge?.name ?? null)}
        </p>
      ) : null}
      <h3>{w.picksHeading}</h3>
      {c.picks.length ? (
        <ol className="pick-list">
          {c.picks.map((p) => (
            <li key={p.id}>
              <Link to={`/mediators/${p.id}`} lang={lang}>
                {p.name}
              </Link>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{w.picksNone}</p>
      )}
    </section>
  );
}

export function CaseParties({ c, myPartyId }: { c: Page["case"]; myPartyId: number | null }) {
  const t = useT();
  const w = t.casePages.page;
  const lang = dataLang(useLocale());
  return (
    <section className="panel" aria-labelledby="parties-heading">
      <h2 id="parties-heading">{w.partiesHeading}</h2>
      <ul className="party-list">
        {c.parties.map((p) => (
          <li key={p.id}>
            <span className="party-side">{w.sides[p.side]}</span> <strong lang={lang}>{p.name}</strong>
            {p.id === myPartyId ? w.you : null}
            {p.phone ? (
              <span className="party-phone">
                {" "}
                · {w.phone}
                {t.colon}
                <a href={`tel:${p.phone}`}>{p.phone}</a>
              </span>
            ) : null}
            <span className="party-marks small muted">
              {p.informed ? <span>{w.informed}</span> : null}
              {p.consent ? <span>{w.consent[p.consent] ?? p.consent}</span> : null}
              {p.agreementAcknowledged ? <span>{w.acknowledged}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CaseSessions({ sessions }: { sessions: Page["sessions"] }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{w.sessions}</h2>
      {sessions.length ? (
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              {s.openable ? (
                <Link to={`/bookings/${s.id}`}>{formatSession(s.start, s.end, locale)}</Link>
              ) : (
                formatSession(s.start, s.end, locale)
              )}{" "}
              · {facetLabel("mode", s.mode, locale)} · <span lang={lang}>{s.mediatorName}</span> ·{" "}
              <span className={`status-badge status-${s.status}`}>{w.sessionStatus[s.status] ?? s.status}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{w.sessionsNone}</p>
      )}
    </section>
  );
}

/** The agreement: its terms, obligations and instalments (`instalmentExtra` adds staff's fulfilment form). */
export function AgreementTerms({
  caseId,
  agreement,
  instalmentExtra,
}: {
  caseId: number;
  agreement: NonNullable<Page["agreement"]>;
  instalmentExtra?: (i: { id: number; seq: number; result: string | null }) => ReactNode;
}) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <>
      <dl className="facts">
        <Fact label={w.madeAt}>{dateOf(agreement.madeAt, locale)}</Fact>
        <Fact label={w.effectiveAt}>{agreement.effectiveAt ? dateOf(agreement.effectiveAt, locale) : w.notEffective}</Fact>
        <Fact label={w.facts} lang={lang}>
          <span className="bio">{agreement.facts}</span>
        </Fact>
        {agreement.responsibility ? (
          <Fact label={w.responsibility} lang={lang}>
            <span className="bio">{agreement.responsibility}</span>
          </Fact>
        ) : null}
        {agreement.amountYuan !== null ? <Fact label={w.agreementAmount}>{w.yuan(formatYuan(agreement.amountYuan))}</Fact> : null}
      </dl>
      <h3>{w.obligations}</h3>
      <ol className="obligation-list">
        {agreement.obligations.map((o) => (
          <li key={o.id}>
            <p>
              <span className="party-side">{w.sides[o.obligor]}</span> <span lang={lang}>{o.description}</span>
              {o.amountYuan !== null ? <> · {w.yuan(formatYuan(o.amountYuan))}</> : null}
            </p>
            {o.method || o.place ? (
              <p className="small muted" lang={lang}>
                {[o.method, o.place].filter(Boolean).join(" · ")}
              </p>
            ) : null}
            <ul className="instalment-list">
              {o.instalments.map((i) => (
                <li key={i.id}>
                  <span>
                    {w.dueLabel}
                    {t.colon}
                    {formatDate(i.dueOn, locale)}
                    {i.amountYuan !== null ? ` · ${w.yuan(formatYuan(i.amountYuan))}` : ""}
                  </span>{" "}
                  <span className="instalment-result">{i.result ? (w.instalmentResult[i.result] ?? i.result) : w.notYet}</span>
                  {instalmentExtra?.(i)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="ics">
        <a href={`/api/v1/cases/${caseId}/agreement.pdf`} className="button" download>
          {w.pdf}
        </a>
      </p>
    </>
  );
}

export function ConfirmationCountdown({ agreement }: { agreement: NonNullable<Page["agreement"]> }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  const c = agreement.confirmation;
  return (
    <>
      <p>{w.confirmationIntro(JUDICIAL_CONFIRMATION_DAYS)}</p>
      {agreement.confirmBy !== null && agreement.daysLeft !== null ? (
        <p className="countdown">
          <strong>{w.confirmBy(formatDate(agreement.confirmBy, locale))}</strong>{" "}
          <span className="days-left">{w.daysLeft(agreement.daysLeft)}</span>
        </p>
      ) : null}
      <p>{w.materialsHeading}</p>
      <ul>
        {w.materials.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      {c ? (
        <>
          <h3>{w.confirmationRecorded}</h3>
          <dl className="facts">
            <Fact label={w.court} lang={lang}>
              {c.court}
            </Fact>
            <Fact label={w.appliedOn}>{formatDate(c.appliedOn, locale)}</Fact>
            {c.reference ? <Fact label={w.reference}>{c.reference}</Fact> : null}
            <Fact label={w.result}>{c.result ? w.results[c.result] : w.resultPending}</Fact>
            {c.decidedOn ? <Fact label={w.decidedOn}>{formatDate(c.decidedOn, locale)}</Fact> : null}
          </dl>
        </>
      ) : null}
    </>
  );
}

export function CaseLog({ log }: { log: NonNullable<Page["log"]> }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <div className="panel" id="log">
      <h2 id="log-heading">{w.logHeading}</h2>
      <div className="case-log-scroll" role="region" aria-labelledby="log-heading" tabIndex={0}>
        <table className="case-log">
          <thead>
            <tr>
              <th scope="col">{w.logAt}</th>
              <th scope="col">{w.logActor}</th>
              <th scope="col">{w.logEvent}</th>
              <th scope="col">{w.logDetail}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={e.id}>
                <td>{formatCentreTime(new Date(e.at).toISOString(), locale)}</td>
                <td>
                  {w.actors[e.actor] ?? e.actor}
                  {e.actorName ? (
                    <>
                      {" "}
                      <span lang={lang}>{e.actorName}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {w.events[e.event] ?? e.event} <code className="small muted">{e.event}</code>
                </td>
                <td className="log-detail">
                  <code>{e.after ? JSON.stringify(e.after) : ""}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
