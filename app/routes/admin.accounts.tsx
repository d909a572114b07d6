// /admin/accounts: every account, and the form an admin opens mediator, staff and admin accounts with
// (a mediator account is linked to a mediator who has none yet). Parties register themselves. Issue 9:
// the pool members without an account, each with a claim link to send (or all at once), the links
// shown once in the answer to the post that made them; deactivation, reactivation and staff/admin
// role changes per account; the account log. Each form posts an `intent` (none: open an account).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, useClearOnReply, FieldErrors, Notice, SelectField, SubmitButton, TextField } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { useHydrated } from "~/components/use-hydrated";
import { facetLabel, KIND_LABELS } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { issueMessage } from "~/i18n/validation";
import { formatCentreTime } from "~/i18n/format";
import { issueAllClaims, issueClaim, openInvitations, parseContact, type IssuedClaim } from "~/models/account-claim.server";
import { AccountError, createAccount, createAccountSchema, listAccounts, unlinkedMediators } from "~/models/accounts.server";
import { changeRole, deactivateAccount, LastAdminError, listAccountEvents, reactivateAccount } from "~/models/accounts-admin.server";
import { EmailTakenError, MediatorLinkedError, type User } from "~/models/auth.server";
import { iso } from "~/models/booking-view";
import { isDomainError } from "~/models/errors";
import { setStaffTown, staffTownSchema, staffTowns } from "~/models/town-staff.server";
import { QueueTownForm } from "~/components/queue-town-form";
import { idOr404 } from "~/utils/api.server";
import { parseForm, text } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

const ROLES = ["mediator", "staff", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["admin"]);
  const now = Date.now();
  const invited = openInvitations(now);
  return {
    ...listAccounts({ by: user }),
    mediators: unlinkedMediators().map((m) => ({ ...m, invitedUntil: invited.has(m.id) ? iso(invited.get(m.id)!) : null })),
    events: listAccountEvents({ by: user }).map((e) => ({ ...e, at: iso(e.at) })),
    created: new URL(request.url).searchParams.get("created"),
    staffTowns: staffTowns({ by: user }),
  };
}

type Outcome = {
  notice?: string;
  refusal?: string;
  issued?: (IssuedClaim & { expires: string })[];
  contactError?: { mediatorId: number; message: string };
};

/** The steps on existing accounts and the invitations: each answers with what to show once. */
async function accountStep(request: Request, by: User, intent: string, formData: FormData) {
  const t = messages[getLocale(request)];
  const now = Date.now();
  const answer = (o: Outcome, status = 200) => data({ step: o }, { status });
  const shown = (list: IssuedClaim[]) => list.map((c) => ({ ...c, expires: iso(c.expiresAt) }));
  const linkBase = new URL(request.url).origin;
  try {
    if (intent === "invite-all") return answer({ issued: shown(await issueAllClaims({ by, now, linkBase })) });
    const id = idOr404(String(formData.get(intent === "invite" ? "mediatorId" : "userId") ?? ""));
    if (intent === "invite") {
      const contact = parseContact(text(formData.get("contact")));
      if (contact === null) return answer({ contactError: { mediatorId: id, message: t.accountAdmin.contactInvalid } }, 400);
      return answer({ issued: shown([await issueClaim({ by, mediatorId: id, contact, now, linkBase, locale: getLocale(request) })]) });
    }
    const name = String(formData.get("name") ?? "");
    if (intent === "deactivate") {
      const { revoked } = await deactivateAccount({ by, userId: id, now });
      return answer({ notice: t.accountAdmin.deactivated_notice(name, revoked) });
    }
    if (intent === "reactivate") {
      await reactivateAccount({ by, userId: id, now });
      return answer({ notice: t.accountAdmin.reactivated_notice(name) });
    }
    if (intent === "town") {
      const town = staffTownSchema.safeParse(String(formData.get("town") ?? ""));
      if (!town.success) throw new Response("Unknown town", { status: 400 });
      // Only a staff account has a town: anything else is refused in its own words.
      const refused = await setStaffTown({ by, userId: id, town: town.data, now }).catch((e) =>
        isDomainError(e, "illegal_transition") ? e : Promise.reject(e),
      );
      if (refused) return answer({ refusal: t.townStaff.refused }, 409);
      return answer({ notice: t.townStaff.notice(name, town.data ? facetLabel("town", town.data, getLocale(request)) : t.townStaff.none) });
    }
    if (intent === "role") {
      await changeRole({ by, userId: id, role: formData.get("role") === "admin" ? "admin" : "staff", now });
      return answer({ notice: t.accountAdmin.role_notice(name) });
    }
  } catch (error) {
    if (error instanceof LastAdminError) return answer({ refusal: t.accountAdmin.lastAdmin }, 409);
    if (error instanceof MediatorLinkedError) return answer({ refusal: t.claim.alreadyClaimed }, 409);
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    if (isDomainError(error, "illegal_transition")) return answer({ refusal: t.accountAdmin.changedMeanwhile }, 409);
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["admin"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const intent = String(formData.get("intent") ?? "");
  if (intent) return accountStep(request, auth.user, intent, formData);
  const locale = getLocale(request);
  const t = messages[locale];
  const submission = parseForm(formData, {
    schema: createAccountSchema,
    locale,
    input: (p) => ({
      email: p.email ?? "",
      password: p.password ?? "",
      name: p.name ?? "",
      role: p.role,
      // Chosen while another role was picked (no JavaScript to hide it): ignored.
      mediatorId: p.role === "mediator" ? text(p.mediatorId) : undefined,
    }),
  });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  try {
    const account = await createAccount({ by: auth.user, input: submission.value });
    return redirect(`/admin/accounts?created=${encodeURIComponent(account.email)}`);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: [t.auth.emailTaken] }, hideFields: ["password"] }) }, { status: 409 });
    }
    if (error instanceof MediatorLinkedError) {
      const message = issueMessage({ code: "custom", message: error.message }, locale);
      return data({ result: submission.reply({ fieldErrors: { mediatorId: [message] }, hideFields: ["password"] }) }, { status: 409 });
    }
    if (error instanceof AccountError) {
      const message = issueMessage({ code: "custom", message: error.message }, locale);
      const reply =
        error.field === "_"
          ? submission.reply({ formErrors: [message], hideFields: ["password"] })
          : submission.reply({ fieldErrors: { [error.field]: [message] }, hideFields: ["password"] });
      return data({ result: reply }, { status: 422 });
    }
    throw error;
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.adminAccounts.title} · ${t.siteName}` }];
};

export default function AccountsPage() {
  const { accounts, parties, mediators, events, created } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && "result" in answer ? answer : undefined;
  const step = answer && "step" in answer ? answer.step : undefined;
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ name: string; email: string; role: string; mediatorId: string; password: string }>({
    id: "create-account",
    lastResult: actionData?.result,
  });
  const [role, setRole] = useState(typeof fields.role.initialValue === "string" ? fields.role.initialValue : "mediator");
  const roleInvalid = Boolean(fields.role.errors?.length);
  useClearOnReply(fields.password.id, actionData);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  return (
    <div className="admin-page">
      <h1>{t.adminAccounts.heading}</h1>
      <p className="lead">{t.adminAccounts.intro}</p>
      {created && !answer ? <Notice>{t.adminAccounts.created(created)}</Notice> : null}
      {step?.notice ? <Notice>{step.notice}</Notice> : null}
      {step?.refusal ? <Notice kind="error">{step.refusal}</Notice> : null}
      {step?.issued ? <IssuedLinks issued={step.issued} /> : null}

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">{t.adminAccounts.createHeading}</h2>
        <Form method="post" {...getFormProps(form)} className="form-panel-body">
          <ErrorSummary
            focusKey={actionData}
            formErrors={form.errors}
            items={[
              { id: fields.name.id, label: t.adminAccounts.name, errors: fields.name.errors },
              { id: fields.email.id, label: t.adminAccounts.email, errors: fields.email.errors },
              { id: `${fields.role.id}-0`, label: t.adminAccounts.role, errors: fields.role.errors },
              { id: fields.mediatorId.id, label: t.adminAccounts.mediatorSelect, errors: fields.mediatorId.errors },
              { id: fields.password.id, label: t.adminAccounts.password, errors: fields.password.errors },
            ]}
          />
          <CsrfInput />
          <div className="form-grid">
            <TextField field={fields.name} label={t.adminAccounts.name} autoComplete="off" maxLength={60} />
            <TextField field={fields.email} label={t.adminAccounts.email} type="email" autoComplete="off" inputMode="email" />
          </div>
          <fieldset className="field choice-group" aria-describedby={roleInvalid ? fields.role.errorId : undefined}>
            <legend>{t.adminAccounts.role}</legend>
            <div className="choices">
              {ROLES.map((r, i) => (
                <label key={r} className="choice" htmlFor={`${fields.role.id}-${i}`}>
                  <input
                    type="radio"
                    id={`${fields.role.id}-${i}`}
                    name="role"
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                    aria-invalid={roleInvalid || undefined}
                  />
                  {t.roles[r]}
                </label>
              ))}
            </div>
            <FieldErrors id={fields.role.errorId} errors={fields.role.errors} />
          </fieldset>
          {!hydrated || role === "mediator" ? (
            <SelectField field={fields.mediatorId} label={t.adminAccounts.mediatorSelect} hint={t.adminAccounts.mediatorHint}>
              <option value="">{t.adminAccounts.mediatorNone}</option>
              {mediators.map((m) => (
                <option key={m.id} value={m.id} lang={lang}>
                  {`#${m.id} ${m.name}（${KIND_LABELS[m.kind][locale]}）`}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextField
            field={fields.password}
            label={t.adminAccounts.password}
            hint={t.adminAccounts.passwordHint}
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton pending={pending} label={t.adminAccounts.createButton} pendingLabel={t.adminAccounts.creating} />
        </Form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t.adminAccounts.listHeading}</h2>
        <p className="small muted">{t.adminAccounts.partiesCount(parties)}</p>
        <table className="data-table accounts">
          <thead>
            <tr>
              <th scope="col">{t.adminAccounts.id}</th>
              <th scope="col">{t.adminAccounts.name}</th>
              <th scope="col">{t.adminAccounts.email}</th>
              <th scope="col">{t.adminAccounts.role}</th>
              <th scope="col">{t.adminAccounts.mediator}</th>
              <th scope="col">{t.accountAdmin.status}</th>
              <th scope="col">{t.accountAdmin.actions}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td data-label={t.adminAccounts.id}>{a.id}</td>
                <td data-label={t.adminAccounts.name} lang={lang}>
                  {a.name}
                </td>
                <td data-label={t.adminAccounts.email} className="break">
                  {a.email}
                </td>
                <td data-label={t.adminAccounts.role}>{t.roles[a.role]}</td>
                <td data-label={t.adminAccounts.mediator} lang={lang}>
                  {a.mediatorName ?? "—"}
                </td>
                <td data-label={t.accountAdmin.status} className="nowrap">
                  {a.disabledAt ? t.accountAdmin.deactivated : t.accountAdmin.active}
                </td>
                <td data-label={t.accountAdmin.actions}>
                  <AccountActions account={a} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <Unclaimed mediators={mediators} contactError={step?.contactError} />
      <AccountLog events={events} />
    </div>
  );
}

/** One small form per step: a button, the account's id and name (for the notice), the CSRF token. */
function StepForm({
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

type AccountRow = ReturnType<typeof useLoaderData<typeof loader>>["accounts"][number];

function AccountActions({ account: a }: { account: AccountRow }) {
  const t = useT();
  const who = { userId: a.id, name: a.name };
  const towns: Record<string, string> = useLoaderData<typeof loader>().staffTowns;
  return (
    <>
      {a.disabledAt ? (
        <StepForm intent="reactivate" fields={who} label={t.accountAdmin.reactivate} />
      ) : (
        <StepForm intent="deactivate" fields={who} label={t.accountAdmin.deactivate} danger />
      )}
      {a.role === "staff" ? <StepForm intent="role" fields={{ ...who, role: "admin" }} label={t.accountAdmin.makeAdmin} /> : null}
      {a.role === "admin" ? <StepForm intent="role" fields={{ ...who, role: "staff" }} label={t.accountAdmin.makeStaff} /> : null}
      {a.role === "staff" ? <QueueTownForm userId={a.id} name={a.name} town={towns[a.id] ?? null} /> : null}
    </>
  );
}

function IssuedLinks({
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

type MediatorRow = ReturnType<typeof useLoaderData<typeof loader>>["mediators"][number];

function Unclaimed({ mediators, contactError }: { mediators: MediatorRow[]; contactError?: { mediatorId: number; message: string } }) {
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

type EventRow = ReturnType<typeof useLoaderData<typeof loader>>["events"][number];

function AccountLog({ events }: { events: EventRow[] }) {
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const roleName = (v: unknown) => (typeof v === "string" && v in t.roles ? t.roles[v as keyof typeof t.roles] : "");
  const change = (e: EventRow) => (e.event === "role-changed" ? `${roleName(e.before?.role)} → ${roleName(e.after?.role)}` : "");
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
                  {t.accountAdmin.events[e.event] ?? e.event} {change(e)}
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
