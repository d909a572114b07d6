// /forgot-password (issue 11): a reset code to the account's mobile number, then the code and a new
// password; or a reset link by e-mail. Both answer alike whether or not an account exists, and work
// without JavaScript (the code's form is rendered from the first post's answer: no number in a URL).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PhoneCodeForm } from "~/components/phone-code-form";
import { ErrorSummary, Notice, SubmitButton, TextField } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { RateLimitedError } from "~/models/auth.server";
import { otpRequestSchema, requestOtp } from "~/models/otp.server";
import { forgotEmailSchema, requestResetEmail, resetByCodeSchema, resetWithCode } from "~/models/password-reset.server";
import { maskMobile } from "../../domain/phone";
import { clientAddress } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { requireSameOrigin } from "~/utils/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const locale = getLocale(request);
  const t = messages[locale];
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const now = Date.now();
  const address = clientAddress(context);
  const limited = (seconds: number) => ({ status: 429, headers: { "Retry-After": String(seconds) } });

  if (intent === "email-send") {
    const submission = parseForm(formData, { schema: forgotEmailSchema, locale, input: (p) => ({ email: p.email ?? "" }) });
    if (submission.status !== "success") return data({ form: "email" as const, result: submission.reply() }, { status: 400 });
    try {
      await requestResetEmail({ email: submission.value.email, address, now, locale });
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      return data(
        { form: "email" as const, result: submission.reply({ formErrors: [t.auth.rateLimited(error.retryAfter)] }) },
        limited(error.retryAfter),
      );
    }
    return data({ form: "email-sent" as const, result: null });
  }
  if (intent === "phone-reset") {
    const submission = parseForm(formData, {
      schema: resetByCodeSchema,
      locale,
      input: (p) => ({ phone: p.phone ?? "", code: p.code ?? "", password: p.password ?? "", confirm: p.confirm ?? "" }),
    });
    const phone = String(formData.get("phone") ?? "");
    const again = (result: ReturnType<typeof submission.reply>, status: number) =>
      data({ form: "code" as const, phone, masked: maskMobile(phone), result }, { status });
    if (submission.status !== "success") return again(submission.reply({ hideFields: ["password", "confirm", "code"] }), 400);
    const user = await resetWithCode({ ...submission.value, now });
    if (!user) return again(submission.reply({ formErrors: [t.reset.codeWrong], hideFields: ["password", "confirm", "code"] }), 401);
    return redirect("/login?notice=reset");
  }
  const submission = parseForm(formData, { schema: otpRequestSchema, locale, input: (p) => ({ phone: p.phone ?? "" }) });
  if (submission.status !== "success") return data({ form: "phone" as const, result: submission.reply() }, { status: 400 });
  const { phone } = submission.value;
  const sent = await requestOtp({ phone, purpose: "reset", address, now, locale });
  if (!sent.ok)
    return data(
      { form: "phone" as const, result: submission.reply({ formErrors: [t.phoneAuth.wait(sent.retryAfter)] }) },
      limited(sent.retryAfter),
    );
  return data({ form: "code" as const, phone, masked: maskMobile(phone), result: null });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.forgotPassword },
    { title: `${t.reset.title} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

type Reply = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

export default function ForgotPasswordPage() {
  const reply = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  return (
    <div className="narrow-page">
      <h1>{t.reset.heading}</h1>
      <p>{t.reset.intro}</p>
      <section aria-labelledby="reset-phone">
        <h2 id="reset-phone">{t.reset.byPhone}</h2>
        {reply?.form === "code" ? (
          <CodeForm reply={reply} />
        ) : (
          <PhoneCodeForm
            id="reset-phone-form"
            intent="phone-send"
            result={reply?.form === "phone" ? reply.result : undefined}
            focusKey={reply}
            pending={pending === "phone-send"}
          />
        )}
      </section>
      <section aria-labelledby="reset-email">
        <h2 id="reset-email">{t.reset.byEmail}</h2>
        {reply?.form === "email-sent" ? (
          <Notice kind="info">{t.reset.linkSent}</Notice>
        ) : (
          <EmailForm reply={reply?.form === "email" ? reply : undefined} />
        )}
      </section>
      <p className="form-aside">
        <Link to="/login">{t.auth.loginLink}</Link>
      </p>
    </div>
  );
}

function CodeForm({ reply }: { reply: Extract<Reply, { form: "code" }> }) {
  const t = useT();
  const [form, fields] = useForm<{ code: string; password: string; confirm: string }>({ id: "reset-code-form", lastResult: reply.result });
  return (
    <>
      <Notice kind="info">{t.reset.codeSent(reply.masked)}</Notice>
      <Form method="post" {...getFormProps(form)} className="panel form-panel">
        <ErrorSummary
          focusKey={reply}
          formErrors={form.errors}
          items={[
            { id: fields.code.id, label: t.phoneAuth.code, errors: fields.code.errors },
            { id: fields.password.id, label: t.reset.newPassword, errors: fields.password.errors },
            { id: fields.confirm.id, label: t.reset.confirm, errors: fields.confirm.errors },
          ]}
        />
        <input type="hidden" name="intent" value="phone-reset" />
        <input type="hidden" name="phone" value={reply.phone} />
        <TextField
          field={fields.code}
          label={t.phoneAuth.code}
          hint={t.phoneAuth.codeHint}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
        />
        <TextField
          field={fields.password}
          label={t.reset.newPassword}
          hint={t.auth.passwordHint}
          type="password"
          autoComplete="new-password"
        />
        <TextField field={fields.confirm} label={t.reset.confirm} type="password" autoComplete="new-password" />
        <SubmitButton pending={false} label={t.reset.save} />
      </Form>
    </>
  );
}

function EmailForm({ reply }: { reply?: Extract<Reply, { form: "email" }> }) {
  const t = useT();
  const [form, fields] = useForm<{ email: string }>({ id: "reset-email-form", lastResult: reply?.result });
  return (
    <Form method="post" {...getFormProps(form)} className="panel form-panel">
      <ErrorSummary
        focusKey={reply}
        formErrors={form.errors}
        items={[{ id: fields.email.id, label: t.auth.email, errors: fields.email.errors }]}
      />
      <input type="hidden" name="intent" value="email-send" />
      <TextField field={fields.email} label={t.auth.email} type="email" autoComplete="email" inputMode="email" />
      <SubmitButton pending={false} label={t.reset.sendLink} />
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
