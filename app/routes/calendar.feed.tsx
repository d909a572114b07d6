// /calendar/feed: a mediator's private calendar feed (issue 11, ADR 031). Shows whether one is on and
// when a calendar last read it; makes a new address (shown in the answer to that POST only: the token is
// kept hashed) or turns it off. Forms post with the CSRF token and work without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice, SubmitButton } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { createFeed, feedOf, revokeFeed } from "~/models/calendar-feed.server";
import { env } from "~/env.server";
import { isoInZone } from "../../domain/zone";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

const isoOrNull = (ms: number | null) => (ms === null ? null : isoInZone(ms, "Asia/Shanghai"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["mediator"]);
  const feed = feedOf({ user });
  return { feed: feed ? { createdAt: isoOrNull(feed.createdAt)!, lastUsedAt: isoOrNull(feed.lastUsedAt) } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["mediator"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const now = Date.now();
  const headers = { "Cache-Control": "private, no-store" };
  if (form.get("intent") === "revoke") {
    await revokeFeed({ user: auth.user, now });
    return data({ revoked: true, url: null }, { headers });
  }
  const { token } = await createFeed({ user: auth.user, now });
  return data({ revoked: false, url: `${env().PUBLIC_URL}/calendar/${token}.ics` }, { headers });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.calendarFeed }, { title: `${t.calendarFeed.title} · ${t.siteName}` }];
};

export default function CalendarFeedPage() {
  const { feed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pending = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <div className="narrow-page">
      <h1>{t.calendarFeed.heading}</h1>
      <p>{t.calendarFeed.intro}</p>
      <p className="small muted">{t.calendarFeed.privacy}</p>
      {answer?.url ? (
        <section className="panel" aria-labelledby="feed-url-heading">
          <h2 id="feed-url-heading">{t.calendarFeed.urlLabel}</h2>
          <Notice kind="success">{t.calendarFeed.created}</Notice>
          <div className="field">
            <label htmlFor="feed-url">{t.calendarFeed.urlLabel}</label>
            <input id="feed-url" type="text" readOnly value={answer.url} className="break" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p>
            <a href={answer.url.replace(/^https?:/, "webcal:")}>{t.calendarFeed.open}</a>
          </p>
        </section>
      ) : null}
      {answer?.revoked ? <Notice kind="success">{t.calendarFeed.revoked}</Notice> : null}
      <section className="panel" aria-labelledby="feed-state-heading">
        <h2 id="feed-state-heading" className="visually-hidden">
          {t.calendarFeed.heading}
        </h2>
        {feed ? (
          <>
            <p>{t.calendarFeed.active(formatCentreTime(feed.createdAt, locale))}</p>
            <p className="small muted">
              {feed.lastUsedAt ? t.calendarFeed.lastUsed(formatCentreTime(feed.lastUsedAt, locale)) : t.calendarFeed.neverUsed}
            </p>
          </>
        ) : (
          <p>{t.calendarFeed.none}</p>
        )}
        <div className="button-row">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <SubmitButton pending={pending("create")} label={feed ? t.calendarFeed.replace : t.calendarFeed.create} />
          </Form>
          {feed ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="revoke" />
              <SubmitButton pending={pending("revoke")} label={t.calendarFeed.revoke} className="button button-danger" />
            </Form>
          ) : null}
        </div>
      </section>
      <p>
        <Link to="/account">{t.calendarFeed.back}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
