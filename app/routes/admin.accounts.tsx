// /admin/accounts: every account, and the form an admin opens mediator, staff and admin accounts with
// (a mediator account is linked to a mediator who has none yet). Parties register themselves. Issue 9:
// the pool members without an account, each with a claim link to send (or all at once), the links
// shown once in the answer to the post that made them; deactivation, reactivation and staff/admin
// role changes per account; the account log. Issue 11: the mediator picker finds by name, pinyin or
// number (components/mediator-picker.tsx), opening an account redirects to an empty form with its
// notice, and any account can be edited (?edit=ID). Each form posts an `intent` (none: open an account).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { AccountEditForm, LinkedMediator, RoleField } from "~/components/account-edit-form";
import { AccountLog, IssuedLinks, StepForm, Unclaimed } from "~/components/account-admin-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, useClearOnReply, Notice, SubmitButton, TextField } from "~/components/forms";
import { MediatorFindForm } from "~/components/mediator-picker";
import { CsrfInput } from "~/components/session";
import { useHydrated } from "~/components/use-hydrated";
import { KIND_LABELS } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { issueMessage } from "~/i18n/validation";
import { openInvitations } from "~/models/account-claim.server";
import { AccountError, createAccount, createAccountSchema, listAccounts, unlinkedMediators } from "~/models/accounts.server";
import { accountForEdit, listAccountEvents, mediatorChoices } from "~/models/accounts-admin.server";
import { accountStep, editStep } from "~/utils/admin-accounts-steps.server";
import { EmailTakenError, MediatorLinkedError } from "~/models/auth.server";
import { iso } from "~/models/booking-view";
import { isDomainError } from "~/models/errors";
import { staffTowns } from "~/models/town-staff.server";
import { QueueTownForm } from "~/components/queue-town-form";
import { parseForm, text } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

/** An id from the query string (?created, ?edited, ?edit), or null when there is none or it is not one. */
const idParam = (url: URL, key: string) => {
  const n = Number(url.searchParams.get(key) ?? "");
  return Number.isInteger(n) && n > 0 ? n : null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["admin"]);
  const now = Date.now();
  const url = new URL(request.url);
  const invited = openInvitations(now);
  const list = listAccounts({ by: user });
  const nameOf = (key: string) => list.accounts.find((a) => a.id === idParam(url, key))?.name ?? null;
  const editId = idParam(url, "edit");
  let editing = null;
  try {
    editing = editId ? accountForEdit({ by: user, userId: editId }) : null;
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
  const kindOf = (kind: keyof typeof KIND_LABELS) => KIND_LABELS[kind][getLocale(request)];
  const choices = (including?: number | null) => mediatorChoices({ by: user, including }).map((m) => ({ ...m, kind: kindOf(m.kind) }));
  return {
    ...list,
    mediators: unlinkedMediators().map((m) => ({ ...m, invitedUntil: invited.has(m.id) ? iso(invited.get(m.id)!) : null })),
    choices: choices(),
    editing: editing ? { account: editing, choices: choices(editing.mediatorId) } : null,
    find: (url.searchParams.get("find") ?? "").trim().slice(0, 40),
    events: listAccountEvents({ by: user }).map((e) => ({ ...e, at: iso(e.at) })),
    created: nameOf("created"),
    edited: nameOf("edited"),
    unchanged: nameOf("unchanged"),
    staffTowns: staffTowns({ by: user }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["admin"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "edit") return editStep(request, auth.user, formData);
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
    // Post/Redirect/Get: the page comes back with an empty form and the notice (no e-mail in the URL).
    return redirect(`/admin/accounts?created=${account.id}`);
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
  return [{ title: `${t.adminAccounts.title} · ${t.siteName}` }, { name: "description", content: t.staffPages.pages.accounts.description }];
};

export default function AccountsPage() {
  const loaded = useLoaderData<typeof loader>();
  const { accounts, parties, mediators, events, created, edited, unchanged, editing } = loaded;
  const answer = useActionData<typeof action>();
  const step = answer && "step" in answer ? answer.step : undefined;
  const editReply = answer && "edit" in answer ? answer.edit : undefined;
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const a = t.staffPages.accounts;
  return (
    <div className="admin-page">
      <h1>{t.adminAccounts.heading}</h1>
      <p className="lead">{t.adminAccounts.intro}</p>
      {created && !answer ? <Notice>{a.created(created)}</Notice> : null}
      {edited && !answer ? <Notice>{a.edited(edited)}</Notice> : null}
      {unchanged && !answer ? <Notice kind="info">{a.unchanged(unchanged)}</Notice> : null}
      {step?.notice ? <Notice>{step.notice}</Notice> : null}
      {step?.refusal ? <Notice kind="error">{step.refusal}</Notice> : null}
      {step?.issued ? <IssuedLinks issued={step.issued} /> : null}

      {editing ? (
        <AccountEditForm
          key={editing.account.id}
          account={editing.account}
          options={editing.choices}
          find={loaded.find}
          reply={editReply?.userId === editing.account.id ? editReply.result : undefined}
        />
      ) : null}
      {/* A new key after each account opened: the form comes back empty (with JavaScript too). */}
      <CreateAccountForm key={created ?? "new"} />

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
            {accounts.map((row) => (
              <tr key={row.id}>
                <td data-label={t.adminAccounts.id}>{row.id}</td>
                <td data-label={t.adminAccounts.name} lang={lang}>
                  {row.name}
                </td>
                <td data-label={t.adminAccounts.email} className="break">
                  {row.email}
                </td>
                <td data-label={t.adminAccounts.role}>{t.roles[row.role]}</td>
                <td data-label={t.adminAccounts.mediator} lang={lang}>
                  {row.mediatorName ?? "—"}
                </td>
                <td data-label={t.accountAdmin.status} className="nowrap">
                  {row.disabledAt ? t.accountAdmin.deactivated : t.accountAdmin.active}
                </td>
                <td data-label={t.accountAdmin.actions}>
                  <AccountActions account={row} />
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

/** Opening an account. Without JavaScript the mediator search (a GET) stands first: find, then fill in. */
function CreateAccountForm() {
  const { choices, find } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const actionData = answer && "result" in answer ? answer : undefined;
  const t = useT();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ name: string; email: string; role: string; mediatorId: string; password: string }>({
    id: "create-account",
    lastResult: actionData?.result,
  });
  const [role, setRole] = useState(typeof fields.role.initialValue === "string" ? fields.role.initialValue : "mediator");
  useClearOnReply(fields.password.id, actionData);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST" && !navigation.formData?.get("intent");
  return (
    <section className="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">{t.adminAccounts.createHeading}</h2>
      {!hydrated ? <MediatorFindForm find={find} /> : null}
      <Form method="post" action="/admin/accounts" {...getFormProps(form)} className="form-panel-body">
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
        <RoleField field={fields.role} role={role} onChange={setRole} />
        {!hydrated || role === "mediator" ? <LinkedMediator field={fields.mediatorId} options={choices} find={find} /> : null}
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
  );
}

type AccountRow = ReturnType<typeof useLoaderData<typeof loader>>["accounts"][number];

function AccountActions({ account: a }: { account: AccountRow }) {
  const t = useT();
  const who = { userId: a.id, name: a.name };
  const towns: Record<string, string> = useLoaderData<typeof loader>().staffTowns;
  return (
    <>
      <Link
        to={`/admin/accounts?edit=${a.id}#edit-heading`}
        className="button button-small"
        aria-label={t.staffPages.accounts.editFor(a.name)}
      >
        {t.staffPages.accounts.edit}
      </Link>{" "}
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
