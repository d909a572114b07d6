// /login: email and password. Wrong details get one generic message (never "no such account"); too
// many failures get a 429 with the wait. `next` brings the visitor back where they were (same site only).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, useClearOnReply, Notice, SubmitButton, TextField } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { loginSchema, verifyLogin, type Role } from "~/models/auth.server";
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
  const submission = parseForm(formData, {
    schema: loginSchema,
    locale,
    input: (p) => ({ email: p.email ?? "", password: p.password ?? "" }),
  });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const result = await verifyLogin({ ...submission.value, address: clientAddress(context), now: Date.now() });
  if (!result.ok && result.reason === "rate_limited") {
    return data(
      { result: submission.reply({ formErrors: [t.auth.rateLimited(result.retryAfter)], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  if (!result.ok) {
    // Told apart only once the password was right (verifyLogin), so it reveals nothing to a guesser.
    const message = result.reason === "disabled" ? t.authExtra.disabled : t.auth.invalid;
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ["password"] }) },
      { status: result.reason === "disabled" ? 403 : 401 },
    );
  }
  const next = safeNext(String(formData.get("next") ?? ""), landingFor(result.user.role));
  return redirect(next, { headers: await startSession(request, result.user.id) });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.auth.loginTitle} · ${t.siteName}` }, { name: "robots", content: "noindex" }];
};

export default function LoginPage() {
  const { next, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ email: string; password: string }>({ id: "login", lastResult: actionData?.result });
  useClearOnReply(fields.password.id, actionData);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  const nextQuery = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <div className="narrow-page">
      <h1>{t.auth.loginHeading}</h1>
      {notice === "logged-out" ? <Notice>{t.auth.loggedOut}</Notice> : null}
      {notice === "everywhere" ? <Notice>{t.auth.loggedOutEverywhere}</Notice> : null}
      <p>{t.auth.loginIntro}</p>
      <Form method="post" {...getFormProps(form)} className="panel form-panel">
        <ErrorSummary
          focusKey={actionData}
          formErrors={form.errors}
          items={[
            { id: fields.email.id, label: t.auth.email, errors: fields.email.errors },
            { id: fields.password.id, label: t.auth.password, errors: fields.password.errors },
          ]}
        />
        <input type="hidden" name="next" value={next} />
        <TextField field={fields.email} label={t.auth.email} type="email" autoComplete="username" inputMode="email" />
        <TextField field={fields.password} label={t.auth.password} type="password" autoComplete="current-password" />
        <SubmitButton pending={pending} label={t.auth.loginButton} pendingLabel={t.auth.loggingIn} />
      </Form>
      <p className="form-aside">
        {t.auth.noAccount} <Link to={`/register${nextQuery}`}>{t.auth.registerLink}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
