// /account: who is signed in, and "log out everywhere" (every browser session and API token).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useT } from "~/i18n";
import { revokeAllSessions } from "~/models/auth.server";
import { endSession, requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request);
  return { user: { name: user.name, email: user.email, phone: user.phone, role: user.role } };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request);
  requireCsrf(request, auth, await request.formData());
  await revokeAllSessions(auth.user.id, Date.now());
  return redirect("/login?notice=everywhere", { headers: await endSession(auth) });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.account.title} · ${t.siteName}` }];
};

export default function AccountPage() {
  const { user } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <div className="narrow-page">
      <h1>{t.account.heading}</h1>
      <section className="panel" aria-labelledby="me-heading">
        <h2 id="me-heading" className="visually-hidden">
          {t.account.heading}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t.account.name}</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>{t.account.email}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t.account.phone}</dt>
            <dd>{user.phone ?? t.account.noPhone}</dd>
          </div>
          <div>
            <dt>{t.account.role}</dt>
            <dd>{t.roles[user.role]}</dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t.account.sessionsHeading}</h2>
        <p>{t.account.sessionsIntro}</p>
        <Form method="post">
          <CsrfInput />
          <SubmitButton
            pending={navigation.state === "submitting" && navigation.formAction === "/account"}
            label={t.account.logoutEverywhere}
            className="button"
          />
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
