// /staff/search: the search engines' health and the outbox rows Meilisearch has not received yet,
// oldest first, with their attempts, last error and next attempt. Centre staff and admins only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { searchIndexStatus } from "~/models/search.server";
import { requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  requirePageUser(request, ["staff", "admin"]);
  const status = searchIndexStatus({ limit: 200 });
  const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
  const meili = status.health.meili;
  // Only what the page shows: times as ISO strings, errors as the engine worded them (never a key).
  return {
    primary: status.health.primary,
    embeddedCursor: status.health.embedded.cursor,
    meili: meili
      ? {
          indexReady: meili.indexReady,
          breaker: meili.breaker,
          lastSearchOkAt: iso(meili.lastSearchOkAt),
          lastSearchFailure: meili.lastSearchFailure
            ? { at: iso(meili.lastSearchFailure.at)!, reason: meili.lastSearchFailure.reason }
            : null,
          lastDelivery: meili.lastDelivery
            ? { at: iso(meili.lastDelivery.at)!, delivered: meili.lastDelivery.delivered, error: meili.lastDelivery.error ?? null }
            : null,
          lastInitError: meili.lastInitError,
        }
      : null,
    undelivered: status.undelivered,
    failing: status.failing,
    rows: status.rows,
  };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.searchEngine }, { title: `${t.searchEngine.title} · ${t.siteName}` }];
};

export default function StaffSearchPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT().searchEngine;
  const locale = useLocale();
  const when = (iso: string) => formatCentreTime(iso, locale);
  return (
    <div className="outbox-page">
      <h1>{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <h2>{t.health}</h2>
      <ul>
        <li>
          {t.primary}: {d.primary}
        </li>
        <li>{t.embeddedCursor(d.embeddedCursor)}</li>
        {d.meili ? (
          <>
            <li>
              Meilisearch: {t.breaker[d.meili.breaker] ?? d.meili.breaker}, {t.indexReady(d.meili.indexReady)}
              {d.meili.lastInitError ? ` (${d.meili.lastInitError})` : null}
            </li>
            {d.meili.lastSearchOkAt ? <li>{t.lastSearchOk(when(d.meili.lastSearchOkAt))}</li> : null}
            {d.meili.lastSearchFailure ? (
              <li>{t.lastSearchFailure(when(d.meili.lastSearchFailure.at), d.meili.lastSearchFailure.reason)}</li>
            ) : null}
            {d.meili.lastDelivery ? (
              <li>
                {d.meili.lastDelivery.error
                  ? t.lastDeliveryFailed(when(d.meili.lastDelivery.at), d.meili.lastDelivery.error)
                  : t.lastDelivery(when(d.meili.lastDelivery.at), d.meili.lastDelivery.delivered)}
              </li>
            ) : null}
          </>
        ) : (
          <li>{t.notConfigured}</li>
        )}
      </ul>
      {d.rows.length === 0 ? (
        <p className="notice">{t.empty}</p>
      ) : (
        <table className="data-table outbox">
          <caption>{t.backlog(d.undelivered, d.failing)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.id}</th>
              <th scope="col">{t.entity}</th>
              <th scope="col">{t.created}</th>
              <th scope="col">{t.attempts}</th>
              <th scope="col">{t.nextAttempt}</th>
              <th scope="col">{t.lastError}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t.id}>{r.id}</td>
                <td data-label={t.entity} className="nowrap">
                  {t.entities[r.entity] ?? r.entity} {r.entityId}
                </td>
                <td data-label={t.created} className="nowrap">
                  {when(r.createdAt)}
                </td>
                <td data-label={t.attempts}>{r.attempts}</td>
                <td data-label={t.nextAttempt} className="nowrap">
                  {r.nextAttemptAt ? when(r.nextAttemptAt) : "—"}
                </td>
                <td data-label={t.lastError} className="break">
                  {r.lastError ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
