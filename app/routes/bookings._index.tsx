// /bookings: a party's own bookings; a mediator's bookings; for centre staff every booking. Newest
// session first; each links to its page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/booking-parts";
import { whereText } from "~/i18n/booking-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import { pageSchema } from "~/models/booking-schemas";
import { listBookings } from "~/models/bookings.server";
import { Pagination } from "~/components/pagination";
import { requirePageUser } from "~/utils/session.server";

const PER_PAGE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request);
  // A page number that is not one shows the first page.
  const asked = pageSchema.safeParse({ page: new URL(request.url).searchParams.get("page") ?? undefined, perPage: PER_PAGE });
  const list = listBookings({ user, page: asked.success ? asked.data : { page: 1, perPage: PER_PAGE }, now: Date.now() });
  const bookings = list.bookings.map((b) => ({
    id: b.id,
    status: b.status,
    start: b.start,
    end: b.end,
    mediatorId: b.mediatorId,
    mediatorName: b.mediatorName,
    mode: b.mode,
    town: b.town,
    room: b.room,
    category: b.category,
    partyName: b.partyName,
    caseNumber: b.caseNumber,
    awaitingConsent: b.awaitingConsent,
  }));
  return { role: user.role, bookings, total: list.total, page: list.page, pages: Math.ceil(list.total / list.perPage) };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.bookings.title} · ${t.siteName}` }];
};

export default function BookingsPage() {
  const { role, bookings, total, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const heading = role === "party" ? t.bookings.title : role === "mediator" ? t.bookings.mediatorTitle : t.bookings.staffTitle;
  return (
    <div className="bookings-page">
      <h1>{heading}</h1>
      {bookings.length === 0 ? (
        <div className="notice">
          <p>{t.bookings.empty}</p>
          {role === "party" ? (
            <p>
              <Link to="/search" className="button button-primary">
                {t.bookings.findMediator}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ol className="booking-list">
          {bookings.map((b) => (
            <li key={b.id}>
              <article className="booking-card" aria-labelledby={`booking-${b.id}`}>
                <div className="booking-card-head">
                  <h2 id={`booking-${b.id}`} className="booking-card-title">
                    <Link to={`/bookings/${b.id}`}>{formatSession(b.start, b.end, locale)}</Link>
                  </h2>
                  <StatusBadge status={b.status} />
                  {b.awaitingConsent ? <span className="status-badge status-pending">{t.booking.awaitingConsentShort}</span> : null}
                </div>
                <dl className="inline-facts">
                  <div>
                    <dt>{t.bookings.mediator}</dt>
                    <dd lang={lang}>{b.mediatorName}</dd>
                  </div>
                  {role !== "party" ? (
                    <div>
                      <dt>{t.bookings.party}</dt>
                      <dd lang={lang}>{b.partyName}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t.booking.where}</dt>
                    <dd>{whereText(b, t, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t.bookings.category}</dt>
                    <dd>{facetLabel("category", b.category, locale)}</dd>
                  </div>
                </dl>
                <p className="small muted booking-no">{t.bookings.number(b.caseNumber)}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {total > 0 ? <p className="small muted">{t.bookings.count(total)}</p> : null}
      <Pagination params={new URLSearchParams()} page={page} pages={pages} hrefFor={(p) => `/bookings?page=${p}`} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
