// "Tell me if an earlier time opens" on a mediator's or committee's booking page (ADR 030): a range of
// days and a mode; posts to /waitlist and comes back here with what happened (?waitlist=…). Parties
// only: anyone else sees nothing. Works without JavaScript.
import { Form, Link, useLocation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { facetLabel } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { formatCentreTime, formatDay } from "~/i18n/format";
import { Notice } from "./forms";
import { CsrfInput } from "./session";
import type { CalendarWindow } from "./slot-calendar";

type Problem = "order" | "past" | "tooLong" | "tooMany" | "date";
const PROBLEMS: readonly Problem[] = ["order", "past", "tooLong", "tooMany", "date"];

export function WaitlistOffer({
  subject,
  viewer,
  window,
}: {
  subject: { kind: "mediator" | "committee"; id: number; modes: string[] };
  viewer: "anonymous" | "party" | "other";
  window: CalendarWindow;
}) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const [params] = useSearchParams();
  if (viewer !== "party") return null;
  const status = params.get("waitlist");
  const problem = PROBLEMS.find((p) => p === status);
  const free = Number(params.get("free"));
  const w = t.leave.waitlist;
  const from = params.get("wfrom") ?? window.from;
  const to = params.get("wto") ?? window.to;
  const invalid = problem && problem !== "tooMany" ? (problem === "date" || problem === "past" ? "wl-from" : "wl-to") : undefined;
  const next = `${location.pathname}${window.from ? `?from=${window.from}` : ""}`;
  return (
    <section id="waitlist" className="panel waitlist-offer" aria-labelledby="waitlist-heading">
      <h2 id="waitlist-heading">{w.heading}</h2>
      <p className="small muted">{w.intro}</p>
      {status === "joined" ? (
        <Notice>
          {Number.isFinite(free) && free > 0 ? w.alreadyFree(formatCentreTime(new Date(free).toISOString(), locale)) : w.joined}
        </Notice>
      ) : null}
      {problem ? (
        <Notice kind="error">
          <span id="wl-error">{w.errors[problem]}</span>
        </Notice>
      ) : null}
      <Form method="post" action="/waitlist" className="waitlist-form">
        <CsrfInput />
        <input type="hidden" name="subject" value={subject.kind} />
        <input type="hidden" name="id" value={subject.id} />
        <input type="hidden" name="next" value={next} />
        <div className="range-times">
          <div className="field field-inline">
            <label htmlFor="wl-from">{w.from}</label>
            <input
              type="date"
              id="wl-from"
              name="from"
              defaultValue={from}
              required
              aria-invalid={invalid === "wl-from" || undefined}
              aria-describedby={invalid === "wl-from" ? "wl-error" : undefined}
            />
          </div>
          <div className="field field-inline">
            <label htmlFor="wl-to">{w.to}</label>
            <input
              type="date"
              id="wl-to"
              name="to"
              defaultValue={to}
              required
              aria-invalid={invalid === "wl-to" || undefined}
              aria-describedby={invalid === "wl-to" ? "wl-error" : undefined}
            />
          </div>
          <div className="field field-inline">
            <label htmlFor="wl-mode">{w.mode}</label>
            <select id="wl-mode" name="mode" defaultValue="">
              <option value="">{w.anyMode}</option>
              {subject.modes.map((m) => (
                <option key={m} value={m}>
                  {facetLabel("mode", m, locale)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p>
          <button type="submit" className="button">
            {w.join}
          </button>
        </p>
      </Form>
    </section>
  );
}

interface EntryView {
  id: number;
  name: string;
  href: string;
  from: string;
  to: string;
  mode: string | null;
  notifiedStartAt: number | null;
}

/**
 * The party's live entries on /bookings, each with its cancel button (a plain POST). They come with
 * that page's data (its loader's `waitlist`), so the page renders this with no props.
 */
export function WaitlistEntries() {
  const entries = useRouteLoaderData<{ waitlist?: EntryView[] }>("routes/bookings._index")?.waitlist ?? [];
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const w = t.leave.waitlist;
  const cancelled = params.get("waitlist") === "cancelled";
  if (entries.length === 0 && !cancelled) return null;
  return (
    <section id="waitlist" className="panel waitlist-entries" aria-labelledby="waitlist-list-heading">
      <h2 id="waitlist-list-heading">{w.listHeading}</h2>
      {cancelled ? <Notice>{w.cancelled}</Notice> : null}
      {entries.length === 0 ? <p className="muted">{w.listEmpty}</p> : null}
      <ul className="waitlist-list">
        {entries.map((e) => {
          const what = w.entry(e.name, formatDay(e.from, locale), formatDay(e.to, locale));
          return (
            <li key={e.id}>
              <Link to={e.href}>{what}</Link>
              {e.mode ? <span className="small muted"> · {facetLabel("mode", e.mode, locale)}</span> : null}
              {e.notifiedStartAt ? (
                <span className="small muted"> · {w.notifiedAt(formatCentreTime(new Date(e.notifiedStartAt).toISOString(), locale))}</span>
              ) : null}
              <Form method="post" action="/waitlist" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="id" value={e.id} />
                <button
                  type="submit"
                  name="intent"
                  value="cancel"
                  className="button button-small button-quiet"
                  aria-label={w.cancelLabel(what)}
                >
                  {w.cancel}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
