// /login: a code sent to a mobile number (first, issue 11) and, below it, e-mail and password. Both work
// without JavaScript: the phone way is two posts (the number, then the code), the second form rendered
// from the first post's answer so that the number never travels in a URL (URLs reach access logs).
// Wrong details get one generic message (never "no such account"); asking for a code answers alike for
// every number. `next` brings the visitor back where they were (same site only).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PhoneCodeForm } from "~/components/phone-code-form";
import { ErrorSummary, FieldErrors, useClearOnReply, Notice, SubmitButton, TextField } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { loginSchema, verifyLogin, type Role } from "~/models/auth.server";
import { otpSignInSchema, signInWithOtp } from "~/models/otp-sign-in.server";
import { otpRequestSchema, requestOtp } from "~/models/otp.server";
import { maskMobile } from "../../domain/phone";
import { clientAddress } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { getPageAuth, requireSameOrigin, safeNext, startSession } from "~/utils/session.server";

/** Where each role starts when no `next` says otherwise. */
function landingFor(role: Role): string {
  return { party: "/bookings", mediator: "/dashboard", staff: "/staff/notifications", admin: "/admin/accounts" }[role];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = url.searchParams.get("next") ?? "";
  const auth = getPageAuth(request);
  if (auth) throw redirect(safeNext(next, landingFor(auth.user.role)));
  return { next: safeNext(next, ""), notice: url.searchParams.get("notice") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const locale = getLocale(request);
  const t = messages[locale];
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "password");
  const now = Date.now();
  const signedIn = async (user: { id: number; role: Role }) =>
    redirect(safeNext(String(formData.get("next") ?? ""), landingFor(user.role)), { headers: await startSession(request, user.id) });

  if (intent === "send-code") {
    const submission = parseForm(formData, { schema: otpRequestSchema, locale, input: (p) => ({ phone: p.phone ?? "" }) });
    if (submission.status !== "success") return data({ form: "phone" as const, result: submission.reply() }, { status: 400 });
    const { phone } = submission.value;
    const sent = await requestOtp({ phone, purpose: "sign-in", address: clientAddress(context), now, locale });
    if (!sent.ok && formData.get("resend") !== "1")
      return data(
        { form: "phone" as const, result: submission.reply({ formErrors: [t.phoneAuth.wait(sent.retryAfter)] }) },
        { status: 429, headers: { "Retry-After": String(sent.retryAfter) } },
      );
    // A resend inside the cool-down keeps the code form open with the wait said above it.
    const wait = sent.ok ? null : t.phoneAuth.wait(sent.retryAfter);
    return data({ form: "code" as const, phone, masked: maskMobile(phone), wait, result: null }, { status: sent.ok ? 200 : 429 });
  }

  if (intent === "verify-code") {
    const submission = parseForm(formData, {
      schema: otpSignInSchema,
      locale,
      input: (p) => ({ phone: p.phone ?? "", code: p.code ?? "", consent: p.consent, name: p.name }),
    });
    const phone = String(formData.get("phone") ?? "");
    const codeForm = (result: ReturnType<typeof submission.reply>, status: number) =>
      data({ form: "code" as const, phone, masked: maskMobile(phone), wait: null, result }, { status });
    if (submission.status !== "success") return codeForm(submission.reply({ hideFields: ["code"] }), 400);
    const result = await signInWithOtp({ ...submission.value, now, locale });
    if (result.ok) return signedIn(result.user);
    if (result.reason === "consent_required")
      return codeForm(submission.reply({ fieldErrors: { consent: [t.phoneAuth.consentRequired] } }), 403);
    const message = result.reason === "disabled" ? t.authExtra.disabled : t.phoneAuth.invalidCode;
    return codeForm(submission.reply({ formErrors: [message], hideFields: ["code"] }), result.reason === "disabled" ? 403 : 401);
  }

  const submission = parseForm(formData, {
    schema: loginSchema,
    locale,
    input: (p) => ({ email: p.email ?? "", password: p.password ?? "" }),
  });
  if (submission.status !== "success")
    return data({ form: "email" as const, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const result = await verifyLogin({ ...submission.value, address: clientAddress(context), now });
  if (!result.ok && result.reason === "rate_limited") {
    return data(
      {
        form: "email" as const,
        result: submission.reply({ formErrors: [t.auth.rateLimited(result.retryAfter)], hideFields: ["password"] }),
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  if (!result.ok) {
    // Told apart only once the password was right (verifyLogin), so it reveals nothing to a guesser.
    const message = result.reason === "disabled" ? t.authExtra.disabled : t.auth.invalid;
    return data(
      { form: "email" as const, result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      { status: result.reason === "disabled" ? 403 : 401 },
    );
  }
  return signedIn(result.user);
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.login },
    { title: `${t.auth.loginTitle} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

type Reply = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

export default function LoginPage() {
  const { next, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const nextQuery = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <div className="narrow-page">
      <h1>{t.auth.loginHeading}</h1>
      {notice === "logged-out" ? <Notice>{t.auth.loggedOut}</Notice> : null}
      {notice === "everywhere" ? <Notice>{t.auth.loggedOutEverywhere}</Notice> : null}
      {notice === "reset" ? <Notice>{t.reset.done}</Notice> : null}
      {notice === "deleted" ? <Notice>{t.personalData.deleted}</Notice> : null}
      <p>{t.auth.loginIntro}</p>
      {/* Parties mostly have a phone and no e-mail address: the code comes first. */}
      <section aria-labelledby="by-phone">
        <h2 id="by-phone">{t.phoneAuth.byPhone}</h2>
        {actionData?.form === "code" ? (
          <CodeForm next={next} reply={actionData} />
        ) : (
          <PhoneForm next={next} reply={actionData?.form === "phone" ? actionData : undefined} />
        )}
      </section>
      <section aria-labelledby="by-email">
        <h2 id="by-email">{t.phoneAuth.byEmail}</h2>
        <EmailForm next={next} reply={actionData?.form === "email" ? actionData : undefined} />
        <p className="form-aside">
          <Link to="/forgot-password">{t.phoneAuth.forgot}</Link>
        </p>
      </section>
      <p className="form-aside">
        {t.auth.noAccount} <Link to={`/register${nextQuery}`}>{t.auth.registerLink}</Link>
      </p>
    </div>
  );
}

function usePending(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formMethod === "POST" && navigation.formData?.get("intent") === intent;
}

function PhoneForm({ next, reply }: { next: string; reply?: Extract<Reply, { form: "phone" }> }) {
  return (
    <PhoneCodeForm
      id="login-phone"
      intent="send-code"
      result={reply?.result}
      focusKey={reply}
      hidden={{ next }}
      pending={usePending("send-code")}
    />
  );
}

function CodeForm({ next, reply }: { next: string; reply: Extract<Reply, { form: "code" }> }) {
  const t = useT();
  const [form, fields] = useForm<{ code: string; consent: string; name: string }>({ id: "login-code", lastResult: reply.result });
  useClearOnReply(fields.code.id, reply);
  return (
    <>
      {reply.wait ? <Notice kind="info">{reply.wait}</Notice> : <Notice kind="info">{t.phoneAuth.sentTo(reply.masked)}</Notice>}
      <Form method="post" {...getFormProps(form)} className="panel form-panel">
        <ErrorSummary
          focusKey={reply}
          formErrors={form.errors}
          items={[
            { id: fields.code.id, label: t.phoneAuth.code, errors: fields.code.errors },
            { id: fields.consent.id, label: t.phoneAuth.consent, errors: fields.consent.errors },
          ]}
        />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="intent" value="verify-code" />
        <input type="hidden" name="phone" value={reply.phone} />
        <TextField
          field={fields.code}
          label={t.phoneAuth.code}
          hint={t.phoneAuth.codeHint}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
        />
        <p className="field-hint">{t.phoneAuth.newHere}</p>
        <div className="field">
          <label className="choice" htmlFor={fields.consent.id}>
            <input
              type="checkbox"
              id={fields.consent.id}
              name="consent"
              aria-describedby={fields.consent.errors ? fields.consent.errorId : undefined}
            />
            {t.phoneAuth.consent}
          </label>
          <FieldErrors id={fields.consent.errorId} errors={fields.consent.errors} />
          <p className="field-hint">
            <Link to="/privacy" target="_blank">
              {t.phoneAuth.consentLink}
            </Link>
          </p>
        </div>
        <TextField field={fields.name} label={t.phoneAuth.name} hint={t.phoneAuth.nameHint} autoComplete="name" maxLength={60} />
        <SubmitButton pending={usePending("verify-code")} label={t.phoneAuth.verify} pendingLabel={t.phoneAuth.verifying} />
      </Form>
      <Form method="post" className="button-row">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="intent" value="send-code" />
        <input type="hidden" name="resend" value="1" />
        <input type="hidden" name="phone" value={reply.phone} />
        <SubmitButton pending={usePending("send-code")} label={t.phoneAuth.resend} className="button button-quiet" />
        <Link to="/login" className="button button-quiet">
          {t.phoneAuth.otherPhone}
        </Link>
      </Form>
    </>
  );
}

function EmailForm({ next, reply }: { next: string; reply?: Extract<Reply, { form: "email" }> }) {
  const t = useT();
  const [form, fields] = useForm<{ email: string; password: string }>({ id: "login", lastResult: reply?.result });
  useClearOnReply(fields.password.id, reply);
  return (
    <Form method="post" {...getFormProps(form)} className="panel form-panel">
      <ErrorSummary
        focusKey={reply}
        formErrors={form.errors}
        items={[
          { id: fields.email.id, label: t.auth.email, errors: fields.email.errors },
          { id: fields.password.id, label: t.auth.password, errors: fields.password.errors },
        ]}
      />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="intent" value="password" />
      <TextField field={fields.email} label={t.auth.email} type="email" autoComplete="username" inputMode="email" />
      <TextField field={fields.password} label={t.auth.password} type="password" autoComplete="current-password" />
      <SubmitButton pending={usePending("password")} label={t.auth.loginButton} pendingLabel={t.auth.loggingIn} />
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
