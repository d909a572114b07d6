// /staff/queue: the centre's work queue (issue 9, ADR 022). The reasons as filter chips with their counts,
// then category, town and channel in a plain GET form (a tablet at the window, no JavaScript needed),
// the items oldest first, a page at a time. The model decides what waits and why as of the loader's clock.
// A simple case nobody has can be sent to the pre-litigation fast track from its row (a plain POST).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { QueueChips } from "~/components/queue-chips";
import { QueueTable } from "~/components/queue-table";
import { CASE_CHANNELS, CATEGORIES, CENTRE_TIMEZONE, TOWNS, type QueueReason } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { isDomainError } from "~/models/errors";
import { flagPreLitigation } from "~/models/pre-litigation.server";
import { workQueue, workQueueQuerySchema } from "~/models/work-queue.server";
import { idOr404 } from "~/utils/api.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

const FILTERS = ["reason", "category", "town", "channel"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const url = new URL(request.url);
  // An empty select means "any"; a value that is not one is dropped (and said so), the others kept.
  // `flagged` is the notice after a flag, not a filter.
  const asked = Object.fromEntries([...url.searchParams].filter(([k, v]) => v !== "" && k !== "perPage" && k !== "flagged"));
  let parsed = workQueueQuerySchema.safeParse(asked);
  const invalid = !parsed.success;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete asked[String(issue.path[0] ?? "")];
    for (const key of Object.keys(asked)) if (!(key in workQueueQuerySchema.shape)) delete asked[key];
    parsed = workQueueQuerySchema.safeParse(asked);
  }
  const query = parsed.success ? parsed.data : workQueueQuerySchema.parse({});
  const now = Date.now();
  const flagged = url.searchParams.get("flagged");
  return { query, queue: workQueue({ user, query, now }), invalid, flagged, now: isoInZone(now, CENTRE_TIMEZONE) };
}

/** Flags a case for the pre-litigation fast track, then back to the same filters with a notice. */
export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  if (form.get("intent") !== "pre-litigation") throw new Response("Unknown intent", { status: 400 });
  const caseId = idOr404(String(form.get("caseId") ?? ""));
  const url = new URL(request.url);
  url.searchParams.delete("flagged");
  url.searchParams.delete("index");
  try {
    const flagged = await flagPreLitigation({ user: auth.user, caseId, now: Date.now() });
    url.searchParams.set("flagged", flagged.number);
    return redirect(`/staff/queue${url.search}`);
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    if (isDomainError(error, "illegal_transition")) return data({ refused: true }, { status: 409 });
    throw error;
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.queue }, { title: `${t.workQueue.title} · ${t.siteName}` }];
};

export default function StaffQueuePage() {
  const { query, queue, invalid, flagged, now } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused === true;
  const t = useT();
  const w = t.workQueue;
  const locale = useLocale();
  const params = new URLSearchParams();
  for (const key of FILTERS) if (query[key]) params.set(key, query[key]);
  const href = (next: URLSearchParams) => (next.toString() ? `/staff/queue?${next}` : "/staff/queue");
  const reasonHref = (reason: QueueReason | undefined) => {
    const next = new URLSearchParams(params);
    if (reason) next.set("reason", reason);
    else next.delete("reason");
    return href(next);
  };
  const pageParams = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set("page", String(p));
    return next;
  };
  const pageHref = (p: number) => href(pageParams(p));
  return (
    <div className="work-queue-page">
      <h1>{w.heading}</h1>
      <p className="lead">{w.intro}</p>
      <p>
        <Link to="/staff/categories">{t.assignment.categoriesLink}</Link>
      </p>
      {invalid ? <Notice kind="info">{w.invalid}</Notice> : null}
      {flagged ? <Notice>{w.flagged(flagged)}</Notice> : null}
      {refused ? <Notice kind="error">{w.flagRefused}</Notice> : null}

      <QueueChips counts={queue.counts} selected={query.reason} hrefFor={reasonHref} />

      <Form method="get" action="/staff/queue" className="panel work-queue-filters" aria-labelledby="work-queue-filters-heading">
        <h2 id="work-queue-filters-heading">{w.filtersHeading}</h2>
        {query.reason ? <input type="hidden" name="reason" value={query.reason} /> : null}
        <div className="work-queue-filter-grid">
          <div className="field">
            <label htmlFor="wq-category">{w.category}</label>
            <select id="wq-category" name="category" defaultValue={query.category ?? ""}>
              <option value="">{w.any}</option>
              {CATEGORIES.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wq-town">{w.town}</label>
            <select id="wq-town" name="town" defaultValue={query.town ?? ""}>
              <option value="">{w.any}</option>
              {TOWNS.map((x) => (
                <option key={x.slug} value={x.slug}>
                  {x[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wq-channel">{w.channel}</label>
            <select id="wq-channel" name="channel" defaultValue={query.channel ?? ""}>
              <option value="">{w.any}</option>
              {CASE_CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {t.caseWords.channel[ch]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="work-queue-filter-actions">
          <button type="submit" className="button button-primary">
            {w.apply}
          </button>
          {params.toString() ? <Link to="/staff/queue">{w.clear}</Link> : null}
        </div>
      </Form>

      <p role="status" className="work-queue-count">
        {query.reason ? `${w.reasons[query.reason]} · ` : ""}
        {w.count(queue.total)}
      </p>
      {queue.items.length === 0 ? (
        <p className="notice">{w.empty}</p>
      ) : (
        <QueueTable items={queue.items} now={now} caption={w.caption(queue.page, queue.pages)} formAction={href(pageParams(queue.page))} />
      )}
      <Pagination params={params} page={queue.page} pages={queue.pages} hrefFor={pageHref} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
