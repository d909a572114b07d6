// The availability editor's form: a week of time ranges (start, end, modes, towns for on-site hours),
// particular dates (a day off, or other hours), leave over several days, and the booking rules. Every
// add and remove button is a submit button with its own `intent`, so the editor works without
// JavaScript; the first (hidden) submit button is "save", so Enter in a field saves.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorSummary, FieldErrors, SubmitButton, type SummaryItem } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { StrandedSessions, type StrandedView } from "~/components/availability-stranded";
import { useHydrated } from "~/components/use-hydrated";
import { MODES, TOWNS } from "../../../domain";
import { useLocale, useT } from "~/i18n";
import { RULES, nameToId, overrideName, rangeName, type EditorState, type OverrideRow, type RangeRow } from "./editor-state";

type Errors = Record<string, string[]>;

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

function TimeInput({
  name,
  label,
  value,
  errors,
  autoFocusId,
}: {
  name: string;
  label: string;
  value: string;
  errors?: string[];
  autoFocusId?: string;
}) {
  const id = nameToId(name);
  const invalid = Boolean(errors?.length);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <input
        type="time"
        id={id}
        name={name}
        defaultValue={value}
        step={300}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        autoFocus={autoFocusId === id}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function ModeChecks({ name, values, errors }: { name: string; values: string[]; errors?: string[] }) {
  const t = useT();
  const locale = useLocale();
  const id = nameToId(name);
  const invalid = Boolean(errors?.length);
  return (
    <fieldset className="checks" aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{t.availability.modes}</legend>
      <div className="choices">
        {MODES.map((m) => (
          <label key={m.slug} className="choice" htmlFor={`${id}-${m.slug}`}>
            <input
              type="checkbox"
              id={`${id}-${m.slug}`}
              name={name}
              value={m.slug}
              defaultChecked={values.includes(m.slug)}
              aria-invalid={invalid || undefined}
            />
            {m[locale]}
          </label>
        ))}
      </div>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

function TownChecks({ name, values, errors, open }: { name: string; values: string[]; errors?: string[]; open: boolean }) {
  const t = useT();
  const locale = useLocale();
  const id = nameToId(name);
  const invalid = Boolean(errors?.length);
  return (
    <details className="fold towns" open={open || invalid || undefined}>
      <summary>{t.availability.towns(values.length)}</summary>
      <fieldset className="checks" aria-describedby={describedBy(`${id}-hint`, invalid && `${id}-error`)}>
        <legend className="visually-hidden">{t.availability.towns(0)}</legend>
        <p id={`${id}-hint`} className="field-hint">
          {t.availability.townsHint}
        </p>
        <div className="choices town-choices">
          {TOWNS.map((x) => (
            <label key={x.slug} className="choice" htmlFor={`${id}-${x.slug}`}>
              <input
                type="checkbox"
                id={`${id}-${x.slug}`}
                name={name}
                value={x.slug}
                defaultChecked={values.includes(x.slug)}
                aria-invalid={invalid || undefined}
              />
              {x[locale]}
            </label>
          ))}
        </div>
        <FieldErrors id={`${id}-error`} errors={errors} />
      </fieldset>
    </details>
  );
}

function RangeFields({
  row,
  index,
  label,
  errors,
  autoFocusId,
}: {
  row: RangeRow;
  index: number;
  label: string;
  errors: Errors;
  autoFocusId?: string;
}) {
  const t = useT();
  const n = (field: string) => rangeName(index, field);
  const rowErrors = errors[`weekly[${index}]`];
  const rowErrorId = `weekly-${index}-error`;
  return (
    <fieldset className="range" aria-describedby={rowErrors?.length ? rowErrorId : undefined}>
      <legend className="range-legend">{label}</legend>
      <input type="hidden" name={n("key")} value={row.key} />
      <input type="hidden" name={n("weekday")} value={row.weekday} />
      <FieldErrors id={rowErrorId} errors={rowErrors} />
      <div className="range-times">
        <TimeInput name={n("start")} label={t.availability.start} value={row.start} errors={errors[n("start")]} autoFocusId={autoFocusId} />
        <TimeInput name={n("end")} label={t.availability.end} value={row.end} errors={errors[n("end")]} autoFocusId={autoFocusId} />
      </div>
      <ModeChecks name={n("modes")} values={row.modes} errors={errors[n("modes")]} />
      <button
        type="submit"
        name="intent"
        value={`remove-range-${index}`}
        className="button button-small button-quiet"
        aria-label={t.availability.removeLabel(label)}
      >
        {t.availability.remove}
      </button>
      <TownChecks name={n("towns")} values={row.towns} errors={errors[n("towns")]} open={row.towns.length > 0} />
    </fieldset>
  );
}

function OverrideFields({ row, index, errors, autoFocusId }: { row: OverrideRow; index: number; errors: Errors; autoFocusId?: string }) {
  const t = useT();
  const hydrated = useHydrated();
  const [kind, setKind] = useState(row.kind);
  const n = (field: string) => overrideName(index, field);
  const label = t.availability.overrideLegend(index + 1);
  const dateId = nameToId(n("date"));
  const dateErrors = errors[n("date")];
  const rowErrors = errors[`overrides[${index}]`];
  const rowErrorId = `overrides-${index}-error`;
  return (
    <fieldset className="range override" aria-describedby={rowErrors?.length ? rowErrorId : undefined}>
      <legend className="range-legend">{label}</legend>
      <input type="hidden" name={n("key")} value={row.key} />
      <FieldErrors id={rowErrorId} errors={rowErrors} />
      <div className="field field-inline">
        <label htmlFor={dateId}>{t.availability.date}</label>
        <input
          type="date"
          id={dateId}
          name={n("date")}
          defaultValue={row.date}
          aria-invalid={dateErrors?.length ? true : undefined}
          aria-describedby={dateErrors?.length ? `${dateId}-error` : undefined}
          autoFocus={autoFocusId === dateId}
        />
        <FieldErrors id={`${dateId}-error`} errors={dateErrors} />
      </div>
      <fieldset className="checks">
        <legend>{t.availability.kind}</legend>
        <div className="choices">
          {(["off", "hours"] as const).map((k) => (
            <label key={k} className="choice" htmlFor={`${nameToId(n("kind"))}-${k}`}>
              <input
                type="radio"
                id={`${nameToId(n("kind"))}-${k}`}
                name={n("kind")}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {k === "off" ? t.availability.kindOff : t.availability.kindHours}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="override-hours" hidden={hydrated && kind === "off"}>
        <div className="range-times">
          <TimeInput name={n("start")} label={t.availability.start} value={row.start} errors={errors[n("start")]} />
          <TimeInput name={n("end")} label={t.availability.end} value={row.end} errors={errors[n("end")]} />
        </div>
        <ModeChecks name={n("modes")} values={row.modes} errors={errors[n("modes")]} />
        <TownChecks name={n("towns")} values={row.towns} errors={errors[n("towns")]} open={row.towns.length > 0} />
      </div>
      <button
        type="submit"
        name="intent"
        value={`remove-override-${index}`}
        className="button button-small button-quiet"
        aria-label={t.availability.removeLabel(label)}
      >
        {t.availability.remove}
      </button>
    </fieldset>
  );
}

function DateField({ name, label, value, errors }: { name: string; label: string; value: string; errors?: string[] }) {
  const invalid = Boolean(errors?.length);
  return (
    <div className="field field-inline">
      <label htmlFor={name}>{label}</label>
      <input
        type="date"
        id={name}
        name={name}
        defaultValue={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${name}-error` : undefined}
      />
      <FieldErrors id={`${name}-error`} errors={errors} />
    </div>
  );
}

/** Where the summary's link for an error should land, and what to call the field. */
function summaryItems(state: EditorState, errors: Errors, t: ReturnType<typeof useT>): SummaryItem[] {
  const rangeLabel = new Map<number, string>();
  for (let d = 1; d <= 7; d++) {
    let n = 0;
    state.weekly.forEach((r, i) => {
      if (r.weekday === d) rangeLabel.set(i, t.availability.rangeLegend(t.availability.weekdays[d - 1], ++n));
    });
  }
  const fieldLabels: Record<string, string> = {
    start: t.availability.start,
    end: t.availability.end,
    modes: t.availability.modes,
    towns: t.availability.towns(0),
    date: t.availability.date,
  };
  return Object.entries(errors).map(([name, list]) => {
    const stranded = /^(decision|reason)-(\d+)$/.exec(name);
    if (stranded)
      return stranded[1] === "decision"
        ? { id: `decision-${stranded[2]}-keep`, label: t.leave.decision, errors: list }
        : { id: name, label: t.leave.reason, errors: list };
    const m = /^(weekly|overrides)\[(\d+)\](?:\.(\w+))?$/.exec(name);
    if (!m) {
      const rule = RULES.find((r) => r === name);
      const label = rule
        ? t.availability[rule]
        : name === "leaveFrom"
          ? t.availability.leaveFrom
          : name === "leaveTo"
            ? t.availability.leaveTo
            : name;
      return { id: name, label, errors: list };
    }
    const [, listName, index, field] = m;
    const row = listName === "weekly" ? (rangeLabel.get(Number(index)) ?? "") : t.availability.overrideLegend(Number(index) + 1);
    const base = `${listName}-${index}`;
    const id =
      field === undefined
        ? `${base}-${listName === "weekly" ? "start" : "date"}`
        : field === "modes"
          ? `${base}-modes-centre`
          : field === "towns"
            ? `${base}-towns-${TOWNS[0].slug}`
            : `${base}-${field}`;
    return { id, label: field ? `${row} · ${fieldLabels[field] ?? field}` : row, errors: list };
  });
}

export function AvailabilityEditor({
  state,
  errors,
  focus,
  stranded = [],
}: {
  state: EditorState;
  errors: Errors;
  focus?: string;
  stranded?: StrandedView[];
}) {
  const t = useT();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const hasErrors = Object.keys(errors).length > 0;

  // After an add or remove, the focus goes to the new row (or back to the add button).
  useEffect(() => {
    if (focus && !hasErrors && focus !== "stranded-heading") document.getElementById(focus)?.focus();
  }, [focus, hasErrors, state]);

  return (
    <Form method="post" className="availability-form" preventScrollReset>
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {t.availability.save}
      </button>
      <CsrfInput />
      <ErrorSummary items={summaryItems(state, errors, t)} focusKey={errors} />
      <StrandedSessions sessions={stranded} decisions={state.decisions} errors={errors} />

      <section className="panel" aria-labelledby="weekly-heading">
        <h2 id="weekly-heading">{t.availability.weeklyHeading}</h2>
        <div className="weekdays">
          {t.availability.weekdays.map((day, k) => {
            const weekday = k + 1;
            const rows = state.weekly.map((row, index) => ({ row, index })).filter(({ row }) => row.weekday === weekday);
            return (
              <fieldset key={weekday} className="weekday">
                <legend>
                  <h3 className="weekday-name">{day}</h3>
                </legend>
                <div className="weekday-ranges">
                  {rows.length === 0 ? <p className="muted small no-ranges">{t.availability.noRanges}</p> : null}
                  {rows.map(({ row, index }, n) => (
                    <RangeFields
                      key={row.key}
                      row={row}
                      index={index}
                      label={t.availability.rangeLegend(day, n + 1)}
                      errors={errors}
                      autoFocusId={focus}
                    />
                  ))}
                  <button
                    type="submit"
                    name="intent"
                    value={`add-range-${weekday}`}
                    id={`add-range-${weekday}`}
                    className="button button-small"
                    aria-label={t.availability.addRangeLabel(day)}
                  >
                    {t.availability.addRange}
                  </button>
                </div>
              </fieldset>
            );
          })}
        </div>
      </section>

      <section className="panel" aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">{t.availability.overridesHeading}</h2>
        <p className="small muted">{t.availability.overridesIntro}</p>
        {state.overrides.length === 0 ? <p className="muted small">{t.availability.noOverrides}</p> : null}
        <div className="overrides">
          {state.overrides.map((row, index) => (
            <OverrideFields key={row.key} row={row} index={index} errors={errors} autoFocusId={focus} />
          ))}
        </div>
        <p className="button-row">
          <button type="submit" name="intent" value="add-off" id="add-off" className="button button-small">
            {t.availability.addOff}
          </button>
          <button type="submit" name="intent" value="add-hours" id="add-hours" className="button button-small">
            {t.availability.addHours}
          </button>
        </p>
        <fieldset className="leave">
          <legend>
            <h3>{t.availability.leaveHeading}</h3>
          </legend>
          <p className="small muted">{t.availability.leaveIntro}</p>
          <div className="range-times">
            <DateField
              key={`from-${state.overrides.length}`}
              name="leaveFrom"
              label={t.availability.leaveFrom}
              value={state.leaveFrom}
              errors={errors.leaveFrom}
            />
            <DateField
              key={`to-${state.overrides.length}`}
              name="leaveTo"
              label={t.availability.leaveTo}
              value={state.leaveTo}
              errors={errors.leaveTo}
            />
          </div>
          <button type="submit" name="intent" value="add-leave" className="button button-small">
            {t.availability.addLeave}
          </button>
        </fieldset>
      </section>

      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t.availability.rulesHeading}</h2>
        <div className="rules">
          {RULES.map((rule) => {
            const invalid = Boolean(errors[rule]?.length);
            return (
              <div key={rule} className="field">
                <label htmlFor={rule}>{t.availability[rule]}</label>
                <input
                  type="number"
                  id={rule}
                  name={rule}
                  defaultValue={state.rules[rule]}
                  inputMode="numeric"
                  step={1}
                  min={0}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? `${rule}-error` : undefined}
                />
                <FieldErrors id={`${rule}-error`} errors={errors[rule]} />
              </div>
            );
          })}
        </div>
        <div className="field">
          <label className="choice" htmlFor="instantConfirm">
            <input
              type="checkbox"
              id="instantConfirm"
              name="instantConfirm"
              defaultChecked={state.instantConfirm}
              aria-describedby="instantConfirm-hint"
            />
            {t.leave.instantConfirm}
          </label>
          <p id="instantConfirm-hint" className="field-hint">
            {t.leave.instantConfirmHint}
          </p>
        </div>
      </section>

      <div className="save-bar">
        <SubmitButton pending={saving} label={t.availability.save} pendingLabel={t.availability.saving} name="intent" value="save" />
        <p className="small muted">{t.availability.unsaved}</p>
      </div>
    </Form>
  );
}
