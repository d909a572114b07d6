// The first step of signing in by phone and of resetting a password by phone (issue 11): the mobile
// number, posted to ask for a code. One form for /login and /forgot-password; the input takes as many
// characters as the schema reads (MOBILE_INPUT_MAX), so a number typed with separators is never cut.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { MOBILE_INPUT_MAX } from "../../domain/phone";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { useT } from "~/i18n";

export function PhoneCodeForm({
  id,
  intent,
  result,
  focusKey,
  hidden = {},
  pending,
}: {
  /** The form's id (Conform's field ids derive from it). */
  id: string;
  /** The action's intent for "send a code". */
  intent: string;
  /** The reply of a post that came back (a wrong number, a wait). */
  result?: SubmissionResult<string[]> | null;
  focusKey?: unknown;
  /** Other values the post carries (where to go after signing in). */
  hidden?: Record<string, string>;
  pending: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<{ phone: string }>({ id, lastResult: result });
  return (
    <Form method="post" {...getFormProps(form)} className="panel form-panel">
      <ErrorSummary
        focusKey={focusKey}
        formErrors={form.errors}
        items={[{ id: fields.phone.id, label: t.phoneAuth.phone, errors: fields.phone.errors }]}
      />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="intent" value={intent} />
      <TextField
        field={fields.phone}
        label={t.phoneAuth.phone}
        hint={t.phoneAuth.phoneHint}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        maxLength={MOBILE_INPUT_MAX}
      />
      <SubmitButton pending={pending} label={t.phoneAuth.sendCode} pendingLabel={t.phoneAuth.sending} />
    </Form>
  );
}
