// The admin's account forms' shared fields and the edit form (issue 11): name, e-mail, phone, role and
// the linked mediator of one of the centre's accounts, prefilled, posted as intent "edit". Opened by a
// link (?edit=ID), so it works without JavaScript; a reply that comes back keeps what was typed.
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { MOBILE_INPUT_MAX } from "../../domain/phone";
import { ErrorSummary, FieldErrors, SubmitButton, TextField } from "~/components/forms";
import { MediatorField, MediatorFindForm, type MediatorChoice } from "~/components/mediator-picker";
import { CsrfInput } from "~/components/session";
import { useHydrated } from "~/components/use-hydrated";
import { useT } from "~/i18n";

export const ACCOUNT_ROLES = ["mediator", "staff", "admin"] as const;
type AccountRole = (typeof ACCOUNT_ROLES)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form shape
type Meta = FieldMetadata<any, any, string[]>;

/** The role as radio buttons; with JavaScript the picker shows only for a mediator account. */
export function RoleField({ field, role, onChange }: { field: Meta; role: string; onChange: (r: AccountRole) => void }) {
  const t = useT();
  const invalid = Boolean(field.errors?.length);
  return (
    <fieldset className="field choice-group" aria-describedby={invalid ? field.errorId : undefined}>
      <legend>{t.adminAccounts.role}</legend>
      <div className="choices">
        {ACCOUNT_ROLES.map((r, i) => (
          <label key={r} className="choice" htmlFor={`${field.id}-${i}`}>
            <input
              type="radio"
              id={`${field.id}-${i}`}
              name={field.name}
              value={r}
              checked={role === r}
              onChange={() => onChange(r)}
              aria-invalid={invalid || undefined}
            />
            {t.roles[r]}
          </label>
        ))}
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** The picker of a form's mediatorId field (the GET search's `find` narrows it without JavaScript). */
export function LinkedMediator({ field, options, find }: { field: Meta; options: readonly MediatorChoice[]; find: string }) {
  const t = useT();
  const initial = Number(field.initialValue) || null;
  return (
    <MediatorField
      id={field.id}
      hintId={field.descriptionId}
      errorId={field.errorId}
      label={t.adminAccounts.mediatorSelect}
      hint={t.adminAccounts.mediatorHint}
      errors={field.errors}
      options={options}
      initialId={initial}
      find={find}
      noneLabel={t.adminAccounts.mediatorNone}
    />
  );
}

export interface EditedAccount {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  role: string;
  mediatorId: number | null;
}

export function AccountEditForm({
  account,
  options,
  find,
  reply,
}: {
  account: EditedAccount;
  options: readonly MediatorChoice[];
  find: string;
  reply?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const a = t.staffPages.accounts;
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ name: string; email: string; phone: string; role: string; mediatorId: string }>({
    id: `edit-account-${account.id}`,
    lastResult: reply,
    defaultValue: {
      name: account.name,
      email: account.email ?? "",
      phone: account.phone ?? "",
      role: account.role,
      mediatorId: account.mediatorId ? String(account.mediatorId) : "",
    },
  });
  const [role, setRole] = useState(String(fields.role.initialValue ?? account.role));
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "edit";
  return (
    <section className="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{a.editHeading(account.name)}</h2>
      <p>{a.editIntro}</p>
      {!hydrated && role === "mediator" ? <MediatorFindForm find={find} keep={{ edit: String(account.id) }} /> : null}
      <Form method="post" action={`/admin/accounts?edit=${account.id}`} {...getFormProps(form)} className="form-panel-body">
        <ErrorSummary
          id="edit-error-summary"
          focusKey={reply}
          formErrors={form.errors}
          items={[
            { id: fields.name.id, label: t.adminAccounts.name, errors: fields.name.errors },
            { id: fields.email.id, label: t.adminAccounts.email, errors: fields.email.errors },
            { id: fields.phone.id, label: a.phone, errors: fields.phone.errors },
            { id: `${fields.role.id}-0`, label: t.adminAccounts.role, errors: fields.role.errors },
            { id: fields.mediatorId.id, label: t.adminAccounts.mediatorSelect, errors: fields.mediatorId.errors },
          ]}
        />
        <CsrfInput />
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="userId" value={account.id} />
        <div className="form-grid">
          <TextField field={fields.name} label={t.adminAccounts.name} autoComplete="off" maxLength={60} />
          <TextField field={fields.email} label={t.adminAccounts.email} type="email" autoComplete="off" inputMode="email" />
          <TextField
            field={fields.phone}
            label={a.phone}
            hint={a.phoneHint}
            type="tel"
            autoComplete="off"
            inputMode="tel"
            maxLength={MOBILE_INPUT_MAX}
          />
        </div>
        <RoleField field={fields.role} role={role} onChange={setRole} />
        {!hydrated || role === "mediator" ? <LinkedMediator field={fields.mediatorId} options={options} find={find} /> : null}
        <div className="button-row">
          <SubmitButton pending={pending} label={a.save} pendingLabel={a.saving} />
          <Link to="/admin/accounts" className="button button-quiet">
            {a.cancel}
          </Link>
        </div>
      </Form>
    </section>
  );
}
