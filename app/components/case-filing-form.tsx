// The filing form of /cases/new: the dispute (kind, what happened, town, amount), the other side (a
// name and the mobile number the invitation goes to; more parties with a button that posts the form
// back), up to three mediators in order, and — before the button — what people's mediation is, with a
// box to tick. Every error comes back at once, listed at the top and next to its field.
import { getFormProps, getInputProps, useForm, type FieldName, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { CATEGORIES, KIND_LABELS, MEDIATOR_KINDS, TOWNS } from "../../domain";
import { dataLang, useLocale, useT } from "~/i18n";
import type { PickableMediator } from "~/models/case-pages.server";
import { PlainField } from "./case-parts";
import { ErrorSummary, FieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "./forms";
import { CsrfInput } from "./session";

const MAX_RESPONDENTS = 5;
const MAX_PICKS = 3;

interface FilingFields {
  category: string;
  description: string;
  town: string;
  amountYuan: string;
  respondents: { name: string; phone: string }[];
  picks: string[];
  informed: string;
}

export function CaseFilingForm({
  mediators,
  defaults,
  lastResult,
}: {
  mediators: PickableMediator[];
  defaults: { category: string; picks: string[] };
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const w = t.casePages.file;
  const locale = useLocale();
  const lang = dataLang(locale);
  const navigation = useNavigation();
  const [form, fields] = useForm<FilingFields>({
    id: "file-case",
    lastResult,
    defaultValue: { category: defaults.category, picks: defaults.picks, respondents: [{ name: "", phone: "" }] },
  });
  const respondents = fields.respondents.getFieldList();
  const picks = Array.isArray(fields.picks.initialValue) ? (fields.picks.initialValue as unknown[]) : [];
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "file";
  const summary = [
    { id: fields.category.id, label: w.category, errors: fields.category.errors },
    { id: fields.description.id, label: w.description, errors: fields.description.errors },
    { id: fields.town.id, label: w.town, errors: fields.town.errors },
    { id: fields.amountYuan.id, label: w.amount, errors: fields.amountYuan.errors },
    { id: fields.respondents.id, label: w.respondentsHeading, errors: fields.respondents.errors },
    ...respondents.flatMap((r, i) => {
      const f = r.getFieldset();
      return [
        { id: f.name.id, label: `${w.respondentLegend(i + 1)} · ${w.respondentName}`, errors: f.name.errors },
        { id: f.phone.id, label: `${w.respondentLegend(i + 1)} · ${w.respondentPhone}`, errors: f.phone.errors },
      ];
    }),
    { id: `${fields.picks.id}-0`, label: w.picksHeading, errors: fields.picks.errors },
    { id: fields.informed.id, label: w.aboutHeading, errors: fields.informed.errors },
  ];
  const pickErrors = [
    ...(fields.picks.errors ?? []),
    ...Object.entries(fields.picks.allErrors)
      .filter(([name]) => name !== fields.picks.name)
      .flatMap(([, e]) => e),
  ];
  const { key: informedKey, ...informedProps } = getInputProps(fields.informed, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="case-form">
      <ErrorSummary items={summary} formErrors={form.errors} focusKey={lastResult} />
      <CsrfInput />
      <input type="hidden" name="intent" value="file" />

      <section className="panel" aria-labelledby="dispute-heading">
        <h2 id="dispute-heading">{w.disputeHeading}</h2>
        <SelectField field={fields.category} label={w.category}>
          <option value="">{w.categoryPlaceholder}</option>
          {CATEGORIES.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c[locale]}
            </option>
          ))}
        </SelectField>
        <TextAreaField field={fields.description} label={w.description} hint={w.descriptionHint} rows={6} maxLength={2000} />
        <div className="field-pair">
          <SelectField field={fields.town} label={w.town}>
            <option value="">{w.townPlaceholder}</option>
            {TOWNS.map((town) => (
              <option key={town.slug} value={town.slug}>
                {town[locale]}
              </option>
            ))}
          </SelectField>
          <PlainField field={fields.amountYuan} label={w.amount} hint={w.amountHint} inputMode="decimal" />
        </div>
      </section>

      <section className="panel" aria-labelledby="respondents-heading">
        <h2 id="respondents-heading">{w.respondentsHeading}</h2>
        <p className="field-hint" id="respondent-phone-why">
          {w.respondentPhoneHint}
        </p>
        <FieldErrors id={fields.respondents.errorId} errors={fields.respondents.errors} />
        {respondents.map((r, i) => {
          const f = r.getFieldset();
          return (
            <fieldset key={r.key} className="case-row">
              <legend>{w.respondentLegend(i + 1)}</legend>
              <TextField field={f.name} label={w.respondentName} maxLength={60} />
              <TextField field={f.phone} label={w.respondentPhone} type="tel" inputMode="tel" maxLength={20} />
              {i > 0 ? (
                <button
                  className="button button-quiet"
                  {...form.remove.getButtonProps({ name: fields.respondents.name as FieldName<FilingFields["respondents"]>, index: i })}
                >
                  {w.removeRespondent}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {respondents.length < MAX_RESPONDENTS ? (
          <button
            className="button"
            {...form.insert.getButtonProps({
              name: fields.respondents.name as FieldName<FilingFields["respondents"]>,
              defaultValue: { name: "", phone: "" },
            })}
          >
            {w.addRespondent}
          </button>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="picks-heading">
        <h2 id="picks-heading">{w.picksHeading}</h2>
        <p className="field-hint">
          {w.picksIntro} <Link to="/search">{w.findMediator}</Link>
        </p>
        {Array.from({ length: MAX_PICKS }, (_, i) => {
          const chosen = typeof picks[i] === "string" ? (picks[i] as string) : "";
          const id = `${fields.picks.id}-${i}`;
          return (
            <div className="field" key={`${fields.picks.key ?? ""}-${i}`}>
              <label htmlFor={id}>{w.pick(i + 1)}</label>
              <select
                id={id}
                name={`${fields.picks.name}[${i}]`}
                defaultValue={chosen}
                aria-invalid={pickErrors.length ? true : undefined}
                aria-describedby={pickErrors.length ? fields.picks.errorId : undefined}
              >
                <option value="">{w.pickNone}</option>
                {MEDIATOR_KINDS.map((kind) => (
                  <optgroup key={kind} label={KIND_LABELS[kind][locale]}>
                    {mediators
                      .filter((m) => m.kind === kind)
                      .map((m) => (
                        <option key={m.id} value={String(m.id)} lang={lang}>
                          {m.name}
                          {m.title !== KIND_LABELS[kind].zh ? ` · ${m.title}` : ""}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
          );
        })}
        <FieldErrors id={fields.picks.errorId} errors={pickErrors} />
      </section>

      <section className="panel case-about" aria-labelledby="about-heading">
        <h2 id="about-heading">{w.aboutHeading}</h2>
        <ul>
          {w.about.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <div className="field">
          <label className="choice case-informed">
            <input key={informedKey} {...informedProps} aria-describedby={fields.informed.errors ? fields.informed.errorId : undefined} />{" "}
            {w.informed}
          </label>
          <FieldErrors id={fields.informed.errorId} errors={fields.informed.errors} />
        </div>
      </section>

      <SubmitButton pending={pending} label={w.submit} />
    </Form>
  );
}
