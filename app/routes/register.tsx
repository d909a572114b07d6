// /register: parties open their own account and are signed in at once. A required tick agrees to the
// personal-data notice (/privacy), recorded with the notice's version and the time (ADR 024), as on the
// first phone sign-up. Other roles are opened by an admin
// (/admin/accounts). A party may instead sign in with a code sent to their phone (/login).
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldErrors, useClearOnReply, SubmitButton, TextField } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { EmailTakenError, RateLimitedError, registerParty, registerSchema } from "~/models/auth.server";
import { ISSUES } from "~/models/issues";
import { clientAddress } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { getPageAuth, requireSameOrigin, safeNext, startSession } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const next = new URL(request.url).searchParams.get("next") ?? "";
  if (getPageAuth(request)) throw redirect(safeNext(next, "/"));
  return { next: safeNext(next, "") };
}

/**
 * The page asks for the tick itself: an unticked box is an error on the field, not an agreement. Built
 * when the action runs: `registerSchema` comes from a server module, which the browser's copy of this
 * route does not have (at module level it broke the page's client-side navigation, issue 11).
 */
const registerPageSchema = () => registerSchema.refine((v) => v.consent, { path: ["consent"], message: ISSUES.consentRequired });

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const locale = getLocale(request);
  const t = messages[locale];
  const formData = await request.formData();
  const submission = parseForm(formData, {
    schema: registerPageSchema(),
    locale,
    input: (p) => ({ name: p.name ?? "", email: p.email ?? "", password: p.password ?? "", phone: p.phone ?? "", consent: p.consent }),
  });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  try {
    const user = await registerParty({ ...submission.value, address: clientAddress(context), now: Date.now(), locale: getLocale(request) });
    const next = safeNext(String(formData.get("next") ?? ""), "/");
    return redirect(next, { headers: await startSession(request, user.id) });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return data(
        { result: submission.reply({ formErrors: [t.auth.rateLimited(error.retryAfter)], hideFields: ["password"] }) },
        { status: 429, headers: { "Retry-After": String(error.retryAfter) } },
      );
    }
    if (!(error instanceof EmailTakenError)) throw error;
    return data({ result: submission.reply({ fieldErrors: { email: [t.auth.emailTaken] }, hideFields: ["password"] }) }, { status: 409 });
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.register },
    { title: `${t.auth.registerTitle} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

export default function RegisterPage() {
  const { next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<{ name: string; email: string; password: string; phone: string; consent: string }>({
    id: "register",
    lastResult: actionData?.result,
  });
  useClearOnReply(fields.password.id, actionData);
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  const nextQuery = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <div className="narrow-page">
      <h1>{t.auth.registerHeading}</h1>
      <p>{t.auth.registerIntro}</p>
      <Form method="post" {...getFormProps(form)} className="panel form-panel">
        <ErrorSummary
          focusKey={actionData}
          formErrors={form.errors}
          items={[
            { id: fields.name.id, label: t.auth.name, errors: fields.name.errors },
            { id: fields.email.id, label: t.auth.email, errors: fields.email.errors },
            { id: fields.password.id, label: t.auth.password, errors: fields.password.errors },
            { id: fields.phone.id, label: t.auth.phone, errors: fields.phone.errors },
            { id: fields.consent.id, label: t.phoneAuth.consent, errors: fields.consent.errors },
          ]}
        />
        <input type="hidden" name="next" value={next} />
        <TextField field={fields.name} label={t.auth.name} hint={t.auth.nameHint} autoComplete="name" maxLength={60} />
        <TextField field={fields.email} label={t.auth.email} type="email" autoComplete="email" inputMode="email" />
        <TextField field={fields.password} label={t.auth.password} hint={t.auth.passwordHint} type="password" autoComplete="new-password" />
        <TextField field={fields.phone} label={t.auth.phone} hint={t.auth.phoneHint} type="tel" autoComplete="tel" inputMode="tel" />
        <div className="field">
          <label className="choice" htmlFor={fields.consent.id}>
            <input
              type="checkbox"
              id={fields.consent.id}
              name="consent"
              required
              aria-describedby={fields.consent.errors ? fields.consent.errorId : undefined}
            />
            {t.phoneAuth.consent}
          </label>
          <FieldErrors id={fields.consent.errorId} errors={fields.consent.errors} />
          <p className="field-hint">
            <Link to="/privacy">{t.phoneAuth.consentLink}</Link>
          </p>
        </div>
        <SubmitButton pending={pending} label={t.auth.registerButton} pendingLabel={t.auth.registering} />
      </Form>
      <p className="form-aside small muted">{t.auth.registerNote}</p>
      <p className="form-aside">
        {t.auth.haveAccount} <Link to={`/login${nextQuery}`}>{t.auth.loginLink}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
