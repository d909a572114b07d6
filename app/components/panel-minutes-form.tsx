// The minutes form of a 3+X joint panel (会商纪要, issue 9): repeatable entries (the member who spoke and
// what they said), the decided plan, dissent and the outcome. Without JavaScript it offers a fixed
// number of rows and "add a row", a submit of this same form that comes back with what was typed and
// one more empty row (the words never travel in a URL). Errors are said next to their fields and in a
// summary that takes the focus.
import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, FieldErrors, SubmitButton } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { dataLang, useLocale, useT } from "~/i18n";
import { PANEL_OUTCOMES, type PanelMemberView } from "~/models/panel-types";

export interface MinutesValues {
  entries: { personId: string; said: string }[];
  plan: string;
  dissent: string;
  outcome: string;
}
export type MinutesErrors = Record<string, string[]>;

export function PanelMinutesForm({
  members,
  values,
  errors,
}: {
  members: Pick<PanelMemberView, "personId" | "name" | "seat">[];
  values: MinutesValues;
  errors: MinutesErrors | null;
}) {
  const t = useT();
  const p = t.panels;
  const locale = useLocale();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const err = errors ?? {};
  const described = (id: string) => (err[id] ? `${id}-error` : undefined);
  const items = [
    { id: "minutes-entries", label: p.entriesLegend, errors: err["minutes-entries"] },
    ...values.entries.flatMap((_, i) => [{ id: `said-${i}`, label: p.entryText(i + 1), errors: err[`said-${i}`] }]),
    { id: "minutes-plan", label: p.planLabel, errors: err["minutes-plan"] },
    { id: "minutes-outcome", label: p.outcomeLabel, errors: err["minutes-outcome"] },
  ];
  return (
    <Form method="post" noValidate className="panel panel-minutes-form">
      <ErrorSummary items={items} focusKey={errors} />
      <CsrfInput />
      <input type="hidden" name="rows" value={values.entries.length} />
      <fieldset className="panel-entries" id="minutes-entries" tabIndex={-1} aria-describedby={described("minutes-entries")}>
        <legend>{p.entriesLegend}</legend>
        <FieldErrors id="minutes-entries-error" errors={err["minutes-entries"]} />
        <ol className="panel-entry-list">
          {values.entries.map((e, i) => (
            <li key={i} className="panel-entry">
              <div className="field">
                <label htmlFor={`person-${i}`}>{p.entryPerson(i + 1)}</label>
                <select id={`person-${i}`} name={`person-${i}`} defaultValue={e.personId} aria-describedby={described(`said-${i}`)}>
                  <option value="">{p.choosePerson}</option>
                  {members.map((m) => (
                    <option key={m.personId} value={m.personId} lang={dataLang(locale)}>
                      {`${m.name}（${p.roleName(m.seat)}）`}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`said-${i}`}>{p.entryText(i + 1)}</label>
                <textarea
                  id={`said-${i}`}
                  name={`said-${i}`}
                  rows={3}
                  maxLength={2000}
                  defaultValue={e.said}
                  aria-invalid={err[`said-${i}`] ? true : undefined}
                  aria-describedby={described(`said-${i}`)}
                />
                <FieldErrors id={`said-${i}-error`} errors={err[`said-${i}`]} />
              </div>
            </li>
          ))}
        </ol>
        <button type="submit" name="intent" value="add-row" className="button">
          {p.addRow}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="minutes-plan">{p.planLabel}</label>
        <textarea
          id="minutes-plan"
          name="plan"
          rows={4}
          maxLength={4000}
          defaultValue={values.plan}
          aria-invalid={err["minutes-plan"] ? true : undefined}
          aria-describedby={described("minutes-plan")}
        />
        <FieldErrors id="minutes-plan-error" errors={err["minutes-plan"]} />
      </div>
      <div className="field">
        <label htmlFor="minutes-dissent">{p.dissentLabel}</label>
        <textarea id="minutes-dissent" name="dissent" rows={3} maxLength={4000} defaultValue={values.dissent} />
      </div>
      <div className="field">
        <label htmlFor="minutes-outcome">{p.outcomeLabel}</label>
        <select
          id="minutes-outcome"
          name="outcome"
          defaultValue={values.outcome}
          aria-invalid={err["minutes-outcome"] ? true : undefined}
          aria-describedby={described("minutes-outcome")}
        >
          <option value="">{p.chooseOutcome}</option>
          {PANEL_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {p.outcomes[o]}
            </option>
          ))}
        </select>
        <FieldErrors id="minutes-outcome-error" errors={err["minutes-outcome"]} />
      </div>
      <SubmitButton pending={pending} name="intent" value="save" label={p.saveMinutes} pendingLabel={p.saving} />
    </Form>
  );
}
