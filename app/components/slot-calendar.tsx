// Two weeks of free slots, one group per day ("12月1日 周二"), with links to the weeks before and
// after. As a picker each slot is a radio button. Without JavaScript all radios share the form field's
// name (one native group: the browser guarantees one choice). With JavaScript each day is its own radio
// group, so Tab moves from day to day and the arrow keys move within a day, and a hidden input carries
// the one chosen slot.
import { Link } from "@remix-run/react";
import { Fragment } from "react";
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
  const days = groupByDay(slots);
  return (
    <section className="slot-calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t.calendar.legend}</h2>
      <CalendarHead window={window} hrefFor={hrefFor} />
      {days.length === 0 ? (
        <Empty />
      ) : (
        <div className="days">
          {days.map((day) => (
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
          ))}
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
  const days = groupByDay(slots);
  const chosen = slots.find((s) => s.start === selected) ?? null;
  const invalid = Boolean(errors?.length);
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
      {days.length === 0 ? (
        <Empty />
      ) : (
        <div className="days">
          {days.map((day) => (
            <fieldset key={day.date} className="day">
              <legend>
                <h3 className="day-heading">
                  {formatDay(day.date, locale)} <span className="day-count">{t.calendar.count(day.slots.length)}</span>
                </h3>
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
                          name={hydrated ? `${name}-day-${day.date}` : name}
                          value={slot.start}
                          checked={selected === slot.start}
                          onChange={() => onSelect(slot.start)}
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
          ))}
        </div>
      )}
      {hydrated ? (
        <>
          <input type="hidden" name={name} value={chosen?.start ?? ""} />
          <p className="chosen-slot">
            {chosen ? t.calendar.selected(formatSession(chosen.start, chosen.end, locale)) : t.calendar.noneSelected}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
