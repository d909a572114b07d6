// /reset-password/:token: the e-mailed reset link (issue 11). A live link shows a form for the new
// password; posting it sets the password and ends every session of the account. A used or lapsed link
// is a 410. The page keeps the token out of Referer headers and caches.
import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, Notice, SubmitButton, TextField } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { resetByLinkSchema, resetLinkIsLive, resetWithLink } from "~/models/password-reset.server";
import { parseForm } from "~/utils/forms.server";
import { requireSameOrigin } from "~/utils/session.server";

const HEADERS = { "Referrer-Policy": "strict-origin", "Cache-Control": "private, no-store" };
export const headers: HeadersFunction = () => HEADERS;

export async function loader({ params }: LoaderFunctionArgs) {
  const live = resetLinkIsLive(params.token ?? "", Date.now());
  return data({ live }, { status: live ? 200 : 410, headers: HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const locale = getLocale(request);
  const t = messages[locale];
  const formData = await request.formData();
  const submission = parseForm(formData, {
    schema: resetByLinkSchema,
    locale,
    input: (p) => ({ password: p.password ?? "", confirm: p.confirm ?? "" }),
  });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  const user = await resetWithLink({ token: params.token ?? "", password: submission.value.password, now: Date.now() });
  if (!user)
    return data({ result: submission.reply({ formErrors: [t.reset.linkDead], hideFields: ["password", "confirm"] }) }, { status: 410 });
  return redirect("/login?notice=reset");
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.resetPassword },
    { title: `${t.reset.linkHeading} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

export default function ResetPasswordPage() {
  const { live } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<{ password: string; confirm: string }>({ id: "reset-link", lastResult: reply?.result });
  return (
    <div className="narrow-page">
      <h1>{t.reset.linkHeading}</h1>
      {!live ? (
        <>
          <Notice kind="error">{t.reset.linkDead}</Notice>
          <p>
            <Link to="/forgot-password">{t.reset.again}</Link>
          </p>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)} className="panel form-panel">
          <ErrorSummary
            focusKey={reply}
            formErrors={form.errors}
            items={[
              { id: fields.password.id, label: t.reset.newPassword, errors: fields.password.errors },
              { id: fields.confirm.id, label: t.reset.confirm, errors: fields.confirm.errors },
            ]}
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
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
