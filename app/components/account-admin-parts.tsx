// The admin accounts page's parts below the forms (issue 9, moved here in issue 11 to keep the route
// readable): the one-step forms (deactivate, reactivate, role), the claim links shown once, the pool
// members without an account, and the account log.
import { Form } from "@remix-run/react";
import { KIND_LABELS, type MediatorKind } from "../../domain";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";

/** One small form per step: a button, the account's id and name (for the notice), the CSRF token. */
export function StepForm({
  intent,
  fields,
  label,
  danger,
}: {
  intent: string;
  fields: Record<string, string | number>;
  label: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" style={{ display: "inline-block", margin: "0 0.5rem 0.5rem 0" }}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={`button button-small${danger ? " button-danger" : ""}`}>
        {label}
      </button>
    </Form>
  );
}

export function IssuedLinks({
  issued,
}: {
  issued: { mediatorId: number; mediatorName: string; link: string; expires: string; sentTo: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="issued-heading">
      <h2 id="issued-heading">{t.accountAdmin.issuedHeading}</h2>
      <p>{t.accountAdmin.issuedIntro}</p>
      <ul className="link-list">
        {issued.map((c) => (
          <li key={c.mediatorId}>
            <strong lang={dataLang(locale)}>{c.mediatorName}</strong>
            {t.accountAdmin.issuedLine(
              c.sentTo === "desk" ? t.accountAdmin.sentToDesk : t.accountAdmin.sentToContact,
              formatCentreTime(c.expires, locale),
            )}
            <br />
            <code className="break">{c.link}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface MediatorRow {
  id: number;
  name: string;
  kind: MediatorKind;
  invitedUntil: string | null;
}

export function Unclaimed({
  mediators,
  contactError,
}: {
  mediators: MediatorRow[];
  contactError?: { mediatorId: number; message: string };
}) {
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  return (
    <section aria-labelledby="claim-heading">
      <h2 id="claim-heading">{t.accountAdmin.claimHeading}</h2>
      <p>{t.accountAdmin.claimIntro(mediators.length)}</p>
      {mediators.length ? (
        <>
          <StepForm intent="invite-all" fields={{}} label={t.accountAdmin.claimAll} />
          <p className="small muted">{t.accountAdmin.claimAllHint}</p>
        </>
      ) : null}
      <table className="data-table accounts">
        <thead>
          <tr>
            <th scope="col">{t.adminAccounts.id}</th>
            <th scope="col">{t.adminAccounts.name}</th>
            <th scope="col">{t.accountAdmin.status}</th>
            <th scope="col">{t.accountAdmin.actions}</th>
          </tr>
        </thead>
        <tbody>
          {mediators.map((m) => {
            const error = contactError?.mediatorId === m.id ? contactError.message : null;
            return (
              <tr key={m.id}>
                <td data-label={t.adminAccounts.id}>{m.id}</td>
                <td data-label={t.adminAccounts.name} lang={lang}>
                  {m.name}（{KIND_LABELS[m.kind][locale]}）
                </td>
                <td data-label={t.accountAdmin.status}>
                  {m.invitedUntil ? t.accountAdmin.invitedUntil(formatCentreTime(m.invitedUntil, locale)) : t.accountAdmin.notInvited}
                </td>
                <td data-label={t.accountAdmin.actions}>
                  <Form method="post" className="field">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="invite" />
                    <input type="hidden" name="mediatorId" value={m.id} />
                    <label htmlFor={`contact-${m.id}`}>{t.accountAdmin.contact}</label>
                    <input
                      id={`contact-${m.id}`}
                      name="contact"
                      autoComplete="off"
                      maxLength={200}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `contact-${m.id}-error` : undefined}
                    />
                    {error ? (
                      <p id={`contact-${m.id}-error`} className="field-error" role="alert">
                        {error}
                      </p>
                    ) : null}
                    <button type="submit" className="button button-small">
                      {m.invitedUntil ? t.accountAdmin.reinvite : t.accountAdmin.invite}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export interface EventRow {
  id: number;
  at: string;
  event: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  userName: string;
  actorName: string | null;
}

export function AccountLog({ events }: { events: EventRow[] }) {
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const roleName = (v: unknown) => (typeof v === "string" && v in t.roles ? t.roles[v as keyof typeof t.roles] : "");
  const fieldNames = (v: unknown) =>
    Array.isArray(v) ? v.map((f) => t.staffPages.accounts.fields[String(f)] ?? String(f)).join(locale === "zh" ? "、" : ", ") : "";
  const change = (e: EventRow) =>
    e.event === "role-changed" || (e.event === "edited" && e.before?.role !== e.after?.role)
      ? `${fieldNames(e.before?.fields)} ${roleName(e.before?.role)} → ${roleName(e.after?.role)}`.trim()
      : e.event === "edited"
        ? fieldNames(e.before?.fields)
        : "";
  const what = (e: EventRow) => (e.event === "edited" ? t.staffPages.accounts.editedEvent : (t.accountAdmin.events[e.event] ?? e.event));
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t.accountAdmin.logHeading}</h2>
      {events.length === 0 ? (
        <p>{t.accountAdmin.logEmpty}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.accountAdmin.logWhen}</th>
              <th scope="col">{t.accountAdmin.logWhom}</th>
              <th scope="col">{t.accountAdmin.logWhat}</th>
              <th scope="col">{t.accountAdmin.logWho}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td data-label={t.accountAdmin.logWhen} className="nowrap">
                  {formatCentreTime(e.at, locale)}
                </td>
                <td data-label={t.accountAdmin.logWhom} lang={lang}>
                  {e.userName}
                </td>
                <td data-label={t.accountAdmin.logWhat}>
                  {what(e)} {change(e)}
                </td>
                <td data-label={t.accountAdmin.logWho} lang={lang}>
                  {e.actorName ?? t.accountAdmin.self}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
