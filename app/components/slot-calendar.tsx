// Two weeks of free slots, one group per day ("12月1日 周二"), with links to the weeks before and
// after. Every day of the fortnight is shown, a day without free times greyed, so on a wide screen the
// two weeks line up in seven columns. As a picker each slot is a radio button. Without JavaScript all
// radios share the form field's name (one native group: the browser guarantees one choice). With
// JavaScript the grid is one Tab stop (a roving tabindex: the chosen slot, or the first): the arrow
// keys move within it (up and down through a day's times, left and right to the next day with free
// times, Home and End within the day) and choose as they move, and a hidden input carries the choice.
import { Link } from "@remix-run/react";
import { Fragment, useRef, type KeyboardEvent } from "react";
import { MODES } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { centreDate, formatDay, formatSession, formatTimeRange } from "~/i18n/format";
import { FieldErrors } from "./forms";
import { useHydrated } from "./use-hydrated";

export interface SlotView {
  start: string;
  end: string;
  modes: string[];
  towns: string[];
}

export interface CalendarWindow {
  from: string;
  to: string;
  prevFrom: string | null;
  nextFrom: string | null;
}

/** Every local date from `from` to `to` (YYYY-MM-DD), inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** The window's days in order, each with its slots (none for a day with no free time). */
export function daysOf(slots: SlotView[], window: Pick<CalendarWindow, "from" | "to">): { date: string; slots: SlotView[] }[] {
  const byDate = new Map(groupByDay(slots).map((d) => [d.date, d.slots]));
  const dates = datesBetween(window.from, window.to);
  // Slots outside the window (never expected) still show, after it.
  for (const d of byDate.keys()) if (!dates.includes(d)) dates.push(d);
  return dates.map((date) => ({ date, slots: byDate.get(date) ?? [] }));
}

/** A day with no free time: greyed, so the fortnight keeps its shape. */
function EmptyDay({ date }: { date: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="day is-empty">
      <p className="day-heading">
        {formatDay(date, locale)} <span className="day-count">{t.journey.noDays}</span>
      </p>
    </div>
  );
}

/**
 * Where an arrow key goes in the grid of days (`counts[i]`: how many times day i offers), from slot
 * `slot` of day `day`; null to stay. Left and right skip days without times and keep the row.
 */
export function gridMove(counts: number[], day: number, slot: number, key: string): [number, number] | null {
  const step = (dir: 1 | -1) => {
    for (let d = day + dir; d >= 0 && d < counts.length; d += dir) if (counts[d] > 0) return d;
    return null;
  };
  if (key === "ArrowDown") {
    if (slot + 1 < counts[day]) return [day, slot + 1];
    const d = step(1);
    return d === null ? null : [d, 0];
  }
  if (key === "ArrowUp") {
    if (slot > 0) return [day, slot - 1];
    const d = step(-1);
    return d === null ? null : [d, counts[d] - 1];
  }
  if (key === "ArrowRight" || key === "ArrowLeft") {
    const d = step(key === "ArrowRight" ? 1 : -1);
    return d === null ? null : [d, Math.min(slot, counts[d] - 1)];
  }
  if (key === "Home") return [day, 0];
  if (key === "End") return [day, counts[day] - 1];
  return null;
}

export function groupByDay(slots: SlotView[]): { date: string; slots: SlotView[] }[] {
  const days: { date: string; slots: SlotView[] }[] = [];
  for (const slot of slots) {
    const date = centreDate(slot.start);
    const last = days[days.length - 1];
    if (last?.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

function ModeNames({ modes }: { modes: string[] }) {
  const locale = useLocale();
  return (
    <>
      {MODES.filter((m) => modes.includes(m.slug)).map((m, i) => (
        <Fragment key={m.slug}>
          {i > 0 ? " · " : null}
          {m[locale]}
        </Fragment>
      ))}
    </>
  );
}

function CalendarHead({ window, hrefFor }: { window: CalendarWindow; hrefFor: (from: string) => string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="calendar-head">
      <p className="calendar-range">
        <strong>{t.calendar.range(formatDay(window.from, locale), formatDay(window.to, locale))}</strong>{" "}
        <span className="muted small">{t.calendar.timezone}</span>
      </p>
      <nav className="calendar-nav" aria-label={t.calendar.nav}>
        {window.prevFrom ? (
          <Link to={hrefFor(window.prevFrom)} className="button button-small" aria-label={t.calendar.prevLabel} preventScrollReset>
            {t.calendar.prev}
          </Link>
        ) : null}
        {window.nextFrom ? (
          <Link to={hrefFor(window.nextFrom)} className="button button-small" aria-label={t.calendar.nextLabel} preventScrollReset>
            {t.calendar.next}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function Empty() {
  const t = useT();
  return (
    <div className="calendar-empty">
      <p>
        <strong>{t.calendar.empty}</strong>
      </p>
      <p className="small muted">{t.calendar.emptyHint}</p>
    </div>
  );
}

/** The calendar to look at (visitors who may not order): days and times, no choice. */
export function SlotList({ slots, window, hrefFor }: { slots: SlotView[]; window: CalendarWindow; hrefFor: (from: string) => string }) {
  const t = useT();
  const locale = useLocale();
  const days = daysOf(slots, window);
  return (
    <section className="slot-calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t.calendar.legend}</h2>
      <CalendarHead window={window} hrefFor={hrefFor} />
      {slots.length === 0 ? (
        <Empty />
      ) : (
        <div className="days">
          {days.map((day) =>
            day.slots.length === 0 ? (
              <EmptyDay key={day.date} date={day.date} />
            ) : (
              <section key={day.date} className="day" aria-labelledby={`day-${day.date}`}>
                <h3 id={`day-${day.date}`} className="day-heading">
                  {formatDay(day.date, locale)} <span className="day-count">{t.calendar.count(day.slots.length)}</span>
                </h3>
                <ul className="slots">
                  {day.slots.map((slot) => (
                    <li key={slot.start} className="slot-option is-static">
                      <span className="slot-time">{formatTimeRange(slot.start, slot.end)}</span>{" "}
                      <span className="slot-modes">
                        <ModeNames modes={slot.modes} />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ),
          )}
        </div>
      )}
    </section>
  );
}

/** The id of the control an error summary should jump to for this picker. */
export function slotPickerFocusId(name: string, slots: SlotView[]): string {
  return slots.length ? `${name}-0` : `${name}-calendar`;
}

export function SlotPicker({
  name,
  slots,
  window,
  hrefFor,
  selected,
  onSelect,
  errors,
  errorId,
  legend,
}: {
  name: string;
  slots: SlotView[];
  window: CalendarWindow;
  hrefFor: (from: string) => string;
  selected: string | null;
  onSelect: (start: string) => void;
  errors?: readonly string[] | null;
  errorId: string;
  legend?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const days = daysOf(slots, window);
  const withTimes = days.filter((d) => d.slots.length > 0);
  const chosen = slots.find((s) => s.start === selected) ?? null;
  const invalid = Boolean(errors?.length);
  const grid = useRef<HTMLDivElement>(null);
  // The one Tab stop of the grid: the chosen slot, or the first.
  const tabStop = chosen?.start ?? slots[0]?.start;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.type !== "radio") return;
    const day = withTimes.findIndex((d) => d.slots.some((s) => s.start === target.value));
    if (day < 0) return;
    const slot = withTimes[day].slots.findIndex((s) => s.start === target.value);
    const to = gridMove(
      withTimes.map((d) => d.slots.length),
      day,
      slot,
      event.key,
    );
    if (!to) {
      // Arrows that lead nowhere must not fall back to the browser's own radio-group moves.
      if (event.key.startsWith("Arrow")) event.preventDefault();
      return;
    }
    event.preventDefault();
    const next = withTimes[to[0]].slots[to[1]];
    grid.current?.querySelector<HTMLInputElement>(`input[value="${next.start}"]`)?.focus();
    onSelect(next.start);
  };

  let index = 0;
  return (
    <fieldset
      className="slot-calendar"
      id={`${name}-calendar`}
      aria-describedby={[`${name}-keys`, invalid ? errorId : ""].filter(Boolean).join(" ")}
    >
      <legend className="calendar-legend">{legend ?? t.calendar.legend}</legend>
      <CalendarHead window={window} hrefFor={hrefFor} />
      <p id={`${name}-keys`} className="small muted calendar-keys">
        {t.calendar.keyboardHint}
      </p>
      <FieldErrors id={errorId} errors={errors} />
      {slots.length === 0 ? (
        <Empty />
      ) : (
        <div className="days" ref={grid} onKeyDown={hydrated ? onKeyDown : undefined}>
          {days.map((day) =>
            day.slots.length === 0 ? (
              <EmptyDay key={day.date} date={day.date} />
            ) : (
              <fieldset key={day.date} className="day">
                <legend>
                  <span className="day-heading">
                    {formatDay(day.date, locale)} <span className="day-count">{t.calendar.count(day.slots.length)}</span>
                  </span>
                </legend>
                <ul className="slots">
                  {day.slots.map((slot) => {
                    const id = `${name}-${index++}`;
                    return (
                      <li key={slot.start}>
                        <label className="slot-option" htmlFor={id}>
                          <input
                            type="radio"
                            id={id}
                            name={hydrated ? `${name}-choice` : name}
                            value={slot.start}
                            checked={selected === slot.start}
                            onChange={() => onSelect(slot.start)}
                            tabIndex={hydrated ? (slot.start === tabStop ? 0 : -1) : undefined}
                            aria-invalid={invalid || undefined}
                          />
                          <span className="slot-text">
                            <span className="slot-time">{formatTimeRange(slot.start, slot.end)}</span>{" "}
                            <span className="slot-modes">
                              <ModeNames modes={slot.modes} />
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ),
          )}
        </div>
      )}
      {hydrated ? (
        <>
          <input type="hidden" name={name} value={chosen?.start ?? ""} />
          <p className="chosen-slot" aria-live="polite">
            {chosen ? t.calendar.selected(formatSession(chosen.start, chosen.end, locale)) : t.calendar.noneSelected}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
