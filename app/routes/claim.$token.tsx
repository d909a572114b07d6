// /claim/:token: a pool member claims the mediator account an admin invited them to (issue 9). The page
// names the mediator, asks for the e-mail they will sign in with and a password, opens the account and
// signs them in. No session is needed, so the post is guarded by its origin, as sign-in is; the token in
// the path is the credential. An unknown link is a 404 and a used, replaced or lapsed one a 410; both
// say the same thing, so the page tells nothing about links one does not hold.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton, TextField, useClearOnReply } from "~/components/forms";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { claimAccount, claimSchema, ClaimUnusableError, findClaim } from "~/models/account-claim.server";
import { EmailTakenError, MediatorLinkedError } from "~/models/auth.server";
import { iso } from "~/models/booking-view";
import { parseForm } from "~/utils/forms.server";
import { requireSameOrigin, startSession } from "~/utils/session.server";

const gone = (error: ClaimUnusableError) => data({ state: "gone" as const }, { status: error.gone ? 410 : 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    const claim = findClaim({ token: params.token ?? "", now: Date.now() });
    return data({ state: "open" as const, mediatorName: claim.mediatorName, expiresAt: iso(claim.expiresAt) });
  } catch (error) {
    if (error instanceof ClaimUnusableError) return gone(error);
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const locale = getLocale(request);
  const t = messages[locale];
  const formData = await request.formData();
  const submission = parseForm(formData, {
    schema: claimSchema,
    locale,
    input: (p) => ({ email: p.email ?? "", password: p.password ?? "" }),
  });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  try {
    const user = await claimAccount({ token: params.token ?? "", ...submission.value, now: Date.now(), locale });
    return redirect("/dashboard", { headers: await startSession(request, user.id) });
  } catch (error) {
    if (error instanceof ClaimUnusableError) return gone(error);
    const reply = (field: string, message: string) =>
      data({ result: submission.reply({ fieldErrors: { [field]: [message] }, hideFields: ["password"] }) }, { status: 409 });
    if (error instanceof EmailTakenError) return reply("email", t.auth.emailTaken);
    if (error instanceof MediatorLinkedError) return data({ state: "gone" as const, linked: true }, { status: 409 });
    throw error;
  }
}

// The address holds the token: no Referer carries more than the origin, no cache keeps the page. (Not
// `no-referrer`: browsers then send `Origin: null` with the page's own post, which the server refuses.)
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "strict-origin",
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
});

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.claim },
    { title: `${t.claim.title} · ${t.siteName}` },
    { name: "referrer", content: "strict-origin" },
    { name: "robots", content: "noindex" },
  ];
};

function Gone({ linked }: { linked?: boolean }) {
  const t = useT();
  return (
    <div className="narrow-page">
      <h1>{t.claim.goneHeading}</h1>
      <p>{linked ? t.claim.alreadyClaimed : t.claim.goneBody}</p>
      <p>
        <Link to={linked ? "/login" : "/"}>{linked ? t.auth.loginLink : t.claim.goneHome}</Link>
      </p>
    </div>
  );
}

export default function ClaimPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm<{ email: string; password: string }>({ id: "claim", lastResult: result });
  useClearOnReply(fields.password.id, actionData);
  if (loaded.state !== "open" || (actionData && "state" in actionData))
    return <Gone linked={Boolean(actionData && "linked" in actionData && actionData.linked)} />;
  const pending = navigation.state === "submitting" && navigation.formMethod === "POST";
  return (
    <div className="narrow-page">
      <h1>{t.claim.heading}</h1>
      <p lang={dataLang(locale)}>{t.claim.intro(loaded.mediatorName)}</p>
      <p>
        {t.claim.whoHeading}
        {t.colon}
        <strong lang={dataLang(locale)}>{loaded.mediatorName}</strong>
      </p>
      <p className="small muted">{t.claim.expires(formatCentreTime(loaded.expiresAt, locale))}</p>
      <Form method="post" {...getFormProps(form)} className="panel form-panel">
        <ErrorSummary
          focusKey={actionData}
          formErrors={form.errors}
          items={[
            { id: fields.email.id, label: t.auth.email, errors: fields.email.errors },
            { id: fields.password.id, label: t.auth.password, errors: fields.password.errors },
          ]}
        />
        <TextField field={fields.email} label={t.auth.email} hint={t.claim.emailHint} type="email" autoComplete="email" inputMode="email" />
        <TextField
          field={fields.password}
          label={t.auth.password}
          hint={t.claim.passwordHint}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton pending={pending} label={t.claim.button} pendingLabel={t.claim.pending} />
      </Form>
      <p className="form-aside small muted">{t.claim.notMe}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
