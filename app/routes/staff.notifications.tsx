// /staff/notifications: the notification outbox, newest first: what would have been sent to whom
// (there is no real SMS or email provider in the demo). Centre staff and admins only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { renderNotification } from "~/i18n/notifications";
import { listNotifications } from "~/models/notifications.server";
import { requirePageUser } from "~/utils/session.server";

const LIMIT = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const rows = listNotifications({ viewer: user, limit: LIMIT }).map((n) => ({
    id: n.id,
    channel: n.channel,
    to: n.to,
    // What was sent, or for a row still waiting, what will be sent (in the recipient's language).
    ...renderNotification(n),
    bookingId: n.bookingId,
    createdAt: n.createdAt.toISOString(),
    deliveredAt: n.deliveredAt?.toISOString() ?? null,
    attempts: n.attempts,
    lastError: n.lastError,
  }));
  return { rows };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.outbox.title} · ${t.siteName}` }, { name: "description", content: t.staffPages.pages.notifications.description }];
};

export default function NotificationsPage() {
  const { rows } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="outbox-page">
      <h1>{t.outbox.heading}</h1>
      <p className="lead">{t.outbox.intro}</p>
      {rows.length === 0 ? (
        <p className="notice">{t.outbox.empty}</p>
      ) : (
        <table className="data-table outbox">
          <caption>{t.outbox.count(rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.outbox.time}</th>
              <th scope="col" className="nowrap">
                {t.outbox.channel}
              </th>
              <th scope="col">{t.outbox.to}</th>
              <th scope="col">{t.outbox.subject}</th>
              <th scope="col">{t.outbox.body}</th>
              <th scope="col">{t.outbox.delivered}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <td data-label={t.outbox.time} className="nowrap">
                  {formatCentreTime(n.createdAt, locale)}
                </td>
                <td data-label={t.outbox.channel} className="nowrap">
                  {t.outbox.channels[n.channel] ?? n.channel}
                </td>
                <td data-label={t.outbox.to} className="break">
                  {n.to}
                </td>
                <td data-label={t.outbox.subject} lang={dataLang(locale)} className="outbox-subject">
                  {n.bookingId ? <Link to={`/bookings/${n.bookingId}`}>{n.subject}</Link> : n.subject}
                </td>
                <td data-label={t.outbox.body} lang={dataLang(locale)} className="outbox-body">
                  {n.body}
                </td>
                <td data-label={t.outbox.delivered}>
                  {n.deliveredAt ? (
                    <span className="delivered">{t.outbox.deliveredAt(formatCentreTime(n.deliveredAt, locale))}</span>
                  ) : n.attempts > 0 ? (
                    <span className="failed" title={n.lastError ?? undefined}>
                      {t.outbox.failed(n.attempts)}
                    </span>
                  ) : (
                    <span className="waiting">{t.outbox.waiting}</span>
                  )}
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
