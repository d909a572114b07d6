// The centre's filters above /bookings (issue 11): status (as the booking reads now: a request past
// its deadline is expired), date, mediator and town, each choice with its count; a GET form.
import { Form, Link } from "@remix-run/react";
import { BOOKING_STATUSES } from "../../domain";
import { BadFilters, StaffFilterFields, StaffFilterHints, type SharedCounts, type SharedQuery } from "~/components/staff-filters";
import { useT } from "~/i18n";

export function StaffBookingFilters({
  query,
  counts,
  bad,
  total,
}: {
  query: SharedQuery & { status?: string; page: number };
  counts: SharedCounts & { status: Record<string, number>; all: number };
  bad: string[];
  total: number;
}) {
  const t = useT();
  const f = t.staffPages.filters;
  const filtered = Boolean(query.status || query.from || query.to || query.mediator || query.town);
  return (
    <>
      <BadFilters bad={bad} />
      <Form method="get" action="/bookings" className="panel queue-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{f.heading}</h2>
        <div className="queue-filter-grid">
          <div className="field">
            <label htmlFor="f-status">{f.status}</label>
            <select id="f-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">{f.any(counts.all)}</option>
              {BOOKING_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {f.withCount(t.status[st], counts.status[st] ?? 0)}
                </option>
              ))}
            </select>
          </div>
          <StaffFilterFields query={query} counts={counts} />
        </div>
        <StaffFilterHints dateHint={f.dateHint} />
        <div className="queue-filter-actions">
          <button type="submit" className="button button-primary">
            {f.apply}
          </button>
          {filtered ? <Link to="/bookings">{f.clear}</Link> : null}
        </div>
      </Form>
      <p role="status" className="queue-count">
        {f.count(total)}
      </p>
    </>
  );
}
