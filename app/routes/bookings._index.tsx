// /bookings: a party's own bookings; a mediator's bookings; for centre staff every booking, with
// filters by status, date, mediator and town (issue 11, staff-lists.server.ts). Newest session first;
// each links to its page; paged.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/booking-parts";
import { whereText } from "~/i18n/booking-text";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import { pageSchema } from "~/models/booking-schemas";
import { listBookings } from "~/models/bookings.server";
import type { BookingView } from "~/models/booking-view";
import { parseStaffQuery, staffBookings, staffBookingsSchema } from "~/models/staff-lists.server";
import { StaffBookingFilters } from "~/components/staff-booking-filters";
import { Pagination } from "~/components/pagination";
import { WaitlistEntries } from "~/components/waitlist-offer";
import { listWaitlist } from "~/models/waitlist.server";
import { requirePageUser } from "~/utils/session.server";

const PER_PAGE = 20;

/** Page `p` of the list, keeping the staff's filters. */
function pageHref(query: Record<string, string | number | undefined> | undefined, p: number) {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && k !== "page") next.set(k, String(v));
  if (p > 1) next.set("page", String(p));
  const qs = next.toString();
  return qs ? `/bookings?${qs}` : "/bookings";
}

/** What the list shows of a booking (the party's name only to those who may see it: the model decided). */
const row = (b: BookingView) => ({
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
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request);
  const now = Date.now();
  const url = new URL(request.url);
  if (user.role === "staff" || user.role === "admin") {
    // The centre's list: filters in the query string, a wrong one left out and named (a 400).
    const { query, bad } = parseStaffQuery(staffBookingsSchema, url.searchParams);
    const list = staffBookings({ user, query, now });
    const staff = { query, bad, counts: list.counts };
    const body = { role: user.role, bookings: list.bookings.map(row), total: list.total, page: list.page, pages: list.pages, staff };
    return data(body, { status: bad.length ? 400 : 200 });
  }
  // A party's or a mediator's own list: no filters (a page number that is not one shows the first page).
  const asked = pageSchema.safeParse({ page: url.searchParams.get("page") ?? undefined, perPage: PER_PAGE });
  const list = listBookings({ user, page: asked.success ? asked.data : { page: 1, perPage: PER_PAGE }, now });
  const pages = Math.ceil(list.total / list.perPage);
  const waitlist = listWaitlist({ user, now }); // a party's "tell me if an earlier time opens" entries
  return data({ role: user.role, bookings: list.bookings.map(row), total: list.total, page: list.page, pages, staff: null, waitlist });
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = messages[localeFromMatches(matches)];
  const role = data?.role;
  const title =
    role === "staff" || role === "admin"
      ? t.staffPages.pages.bookings.title
      : role === "mediator"
        ? t.bookings.mediatorTitle
        : t.bookings.title;
  const tags = [{ title: `${title} · ${t.siteName}` }];
  const description = role === "staff" || role === "admin" ? t.staffPages.pages.bookings.description : t.metaDescription.bookings;
  return [...tags, { name: "description", content: description }];
};

export default function BookingsPage() {
  const { role, bookings, total, page, pages, staff } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const heading = role === "party" ? t.bookings.title : role === "mediator" ? t.bookings.mediatorTitle : t.bookings.staffTitle;
  return (
    <div className="bookings-page">
      <h1>{heading}</h1>
      {staff ? <StaffBookingFilters query={staff.query} counts={staff.counts} bad={staff.bad} total={total} /> : null}
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
      <Pagination params={new URLSearchParams()} page={page} pages={pages} hrefFor={(p) => pageHref(staff?.query, p)} />
      <WaitlistEntries />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
