// /account: who is signed in, "log out everywhere" (every browser session and API token), and for a
// party their personal data (issue 11): a JSON copy of everything kept about them, and its deletion
// (refused while a case is open). Every form posts with the session's CSRF token; no JavaScript needed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CalendarFeedSection } from "~/components/calendar-feed";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice, SubmitButton } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { revokeAllSessions } from "~/models/auth.server";
import { consentOf, deletePersonalData, exportPersonalData, OpenCasesError } from "~/models/personal-data.server";
import { isoInZone } from "../../domain/zone";
import { endSession, requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request);
  const consent = consentOf(user.id);
  return {
    user: { name: user.name, email: user.email, phone: user.phone, role: user.role },
    consent: consent.version && consent.at ? { version: consent.version, at: isoInZone(consent.at, "Asia/Shanghai") } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const now = Date.now();
  const t = messages[getLocale(request)];
  const intent = form.get("intent");
  if (intent === "download" && auth.user.role === "party") {
    const body = JSON.stringify(await exportPersonalData({ viewer: auth.user, now }), null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="my-data-${auth.user.id}.json"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  if (intent === "delete" && auth.user.role === "party") {
    if (form.get("confirm") !== "on") return data({ error: t.personalData.confirmRequired }, { status: 400 });
    try {
      await deletePersonalData({ viewer: auth.user, now });
    } catch (error) {
      if (error instanceof OpenCasesError) return data({ error: t.personalData.openCases(error.numbers.join("、")) }, { status: 409 });
      throw error;
    }
    return redirect("/login?notice=deleted", { headers: await endSession(auth) });
  }
  await revokeAllSessions(auth.user.id, now);
  return redirect("/login?notice=everywhere", { headers: await endSession(auth) });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.account }, { title: `${t.account.title} · ${t.siteName}` }];
};

export default function AccountPage() {
  const { user, consent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pending = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
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
            <dd>{user.email ?? t.account.noPhone}</dd>
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
          <input type="hidden" name="intent" value="everywhere" />
          <SubmitButton pending={pending("everywhere")} label={t.account.logoutEverywhere} className="button" />
        </Form>
      </section>
      <CalendarFeedSection role={user.role} />
      {user.role === "party" ? (
        <section className="panel" aria-labelledby="data-heading">
          <h2 id="data-heading">{t.personalData.heading}</h2>
          <p>{t.personalData.intro}</p>
          <p className="small muted">
            {consent ? t.personalData.consentAt(formatCentreTime(consent.at, locale), consent.version) : t.personalData.noConsent}
          </p>
          {/* A form, not a link: the copy is recorded, and a GET must not write (ADR 012). */}
          <Form method="post" reloadDocument>
            <CsrfInput />
            <input type="hidden" name="intent" value="download" />
            <button type="submit" className="button">
              {t.personalData.download}
            </button>
          </Form>
          <h3>{t.personalData.deleteHeading}</h3>
          <p>{t.personalData.deleteIntro}</p>
          {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="delete" />
            <div className="field">
              <label className="choice">
                <input type="checkbox" name="confirm" />
                {t.personalData.deleteConfirm}
              </label>
            </div>
            <SubmitButton pending={pending("delete")} label={t.personalData.deleteButton} className="button button-danger" />
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
