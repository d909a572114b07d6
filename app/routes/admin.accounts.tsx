// /admin/accounts: every account, and the form an admin opens mediator, staff and admin accounts with
// (a mediator account is linked to a mediator who has none yet). Parties register themselves.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, useClearOnReply, FieldErrors, Notice, SelectField, SubmitButton, TextField } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { useHydrated } from "~/components/use-hydrated";
import { KIND_LABELS } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { issueMessage } from "~/i18n/validation";
import { AccountError, createAccount, createAccountSchema, listAccounts, unlinkedMediators } from "~/models/accounts.server";
import { EmailTakenError, MediatorLinkedError } from "~/models/auth.server";
import { parseForm, text } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

const ROLES = ["mediator", "staff", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["admin"]);
  return {
    ...listAccounts({ by: user }),
    mediators: unlinkedMediators(),
    created: new URL(request.url).searchParams.get("created"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["admin"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
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
  const { accounts, parties, mediators, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      {created && !actionData ? <Notice>{t.adminAccounts.created(created)}</Notice> : null}

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
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
