// Convening a 3+X joint panel (issue 9): the GET form that asks for the earliest common free times
// (the roles — the three fixed ones preselected — the departments concerned, a date range and a
// length), and the times found, each booked in one POST (every member and the room, all or nothing).
// Both work without JavaScript: the search is a plain GET, the booking a plain POST that redirects.
import { Form } from "@remix-run/react";
import { CATEGORIES } from "../../domain";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import type { PanelSlotView } from "~/models/panel-types";

export interface ConveneSearch {
  caseId: number;
  seats: string[];
  from: string;
  to: string;
  minutes: number;
}

export function PanelSearchForm({
  search,
  departments,
  lengths,
  maxDays,
  invalid,
}: {
  search: ConveneSearch;
  /** Categories with at least one department representative. */
  departments: string[];
  lengths: readonly number[];
  /** The longest date range the search takes, in days. */
  maxDays: number;
  invalid: boolean;
}) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const chosen = new Set(search.seats);
  const fixed = ["judge", "chief-mediator", "legal-aid-lawyer"] as const;
  return (
    <section className="panel panel-search" aria-labelledby="compose-heading">
      <h2 id="compose-heading">{p.composeHeading}</h2>
      <Form method="get" action="/staff/panels/new" className="stack">
        <input type="hidden" name="case" value={search.caseId} />
        <input type="hidden" name="search" value="1" />
        {invalid ? (
          <p className="notice notice-error" id="panel-search-error">
            {p.invalidSearch(maxDays)}
          </p>
        ) : null}
        <fieldset className="panel-roles">
          <legend>{p.rolesLegend}</legend>
          <p className="field-hint">{p.rolesHint}</p>
          <div className="panel-check-list">
            {fixed.map((seat) => (
              <label key={seat} className="check">
                <input type="checkbox" name="seat" value={seat} defaultChecked={chosen.has(seat)} />
                {p.roles[seat]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="panel-roles">
          <legend>{p.departmentsLegend}</legend>
          <div className="panel-check-list">
            {CATEGORIES.filter((c) => departments.includes(c.slug)).map((c) => (
              <label key={c.slug} className="check">
                <input type="checkbox" name="seat" value={`department:${c.slug}`} defaultChecked={chosen.has(`department:${c.slug}`)} />
                {c[locale]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="panel-range">
          <div className="field">
            <label htmlFor="panel-from">{p.fromLabel}</label>
            <input id="panel-from" name="from" type="date" defaultValue={search.from} required aria-describedby="panel-range-hint" />
          </div>
          <div className="field">
            <label htmlFor="panel-to">{p.toLabel}</label>
            <input id="panel-to" name="to" type="date" defaultValue={search.to} required aria-describedby="panel-range-hint" />
          </div>
          <div className="field">
            <label htmlFor="panel-minutes">{p.minutesLabel}</label>
            <select id="panel-minutes" name="minutes" defaultValue={String(search.minutes)}>
              {lengths.map((m) => (
                <option key={m} value={m}>
                  {p.minutesOption(m)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id="panel-range-hint" className="field-hint">
          {p.rangeHint(maxDays)}
        </p>
        <button type="submit" className="button button-primary">
          {p.searchButton}
        </button>
      </Form>
    </section>
  );
}

/** One common free time: when, which room, who sits in each role, and its one-step booking. */
function SlotCard({ slot, search, index }: { slot: PanelSlotView; search: ConveneSearch; index: number }) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const when = formatSession(slot.start, slot.end, locale);
  const id = `panel-slot-${index}`;
  return (
    <article className="panel panel-slot" aria-labelledby={id}>
      <h3 id={id}>{when}</h3>
      <p>
        {p.where}
        {t.colon}
        <span className="panel-slot-room" lang={dataLang(locale)}>
          {slot.roomName}
        </span>
      </p>
      <dl className="panel-slot-members">
        {slot.members.map((m) => (
          <div key={m.role}>
            <dt>{p.roleName(m.role)}</dt>
            <dd lang={dataLang(locale)}>{m.name}</dd>
          </div>
        ))}
      </dl>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="caseId" value={search.caseId} />
        <input type="hidden" name="start" value={slot.start} />
        <input type="hidden" name="minutes" value={search.minutes} />
        <input type="hidden" name="roomId" value={slot.roomId} />
        {slot.members.map((m) => (
          <input key={m.role} type="hidden" name="member" value={`${m.role}|${m.personId}`} />
        ))}
        {/* The search again, for fresh suggestions if the time was taken meanwhile. */}
        {search.seats.map((s) => (
          <input key={s} type="hidden" name="seat" value={s} />
        ))}
        <input type="hidden" name="from" value={search.from} />
        <input type="hidden" name="to" value={search.to} />
        <button type="submit" className="button button-primary" aria-label={p.bookButtonFor(when)}>
          {p.bookButton}
        </button>
      </Form>
    </article>
  );
}

export function PanelSuggestions({ slots, search }: { slots: PanelSlotView[]; search: ConveneSearch }) {
  const t = useT();
  const p = t.panels;
  return (
    <section aria-labelledby="suggestions-heading" className="panel-suggestions">
      <h2 id="suggestions-heading">{p.suggestionsHeading}</h2>
      {slots.length === 0 ? (
        <p className="notice notice-info">{p.noSlots}</p>
      ) : (
        <>
          <p>{p.suggestionsIntro}</p>
          <ol className="panel-slot-list">
            {slots.map((slot, i) => (
              <li key={`${slot.start}-${slot.roomId}`}>
                <SlotCard slot={slot} search={search} index={i} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
