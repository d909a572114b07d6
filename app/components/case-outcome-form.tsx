// The case's mediator (or staff) records how mediation ended: the outcome, the visits (零跑 0, 1, 2+),
// the mode, and for an agreement its facts, responsibility and obligations — each with who performs it,
// what, the amount, how and where, and one due date or instalments. "Add another obligation" and "add
// an instalment" post the whole form back and return it with one row more (Conform's list intents), so
// the form needs no JavaScript and loses nothing typed.
import { getFormProps, useForm, type FieldName } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { MODES } from "../../domain";
import { useLocale, useT } from "~/i18n";
import { PlainField, RadioGroup, replyOf, type CaseReply } from "./case-parts";
import { ErrorSummary, FieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "./forms";
import { CsrfInput } from "./session";

const MAX_OBLIGATIONS = 10;
const MAX_INSTALMENTS = 12;

interface Instalment {
  dueOn: string;
  amountYuan: string;
}
interface Obligation {
  obligor: string;
  description: string;
  amountYuan: string;
  method: string;
  place: string;
  schedule: string;
  dueOn: string;
  instalments: Instalment[];
}
interface OutcomeFields {
  outcome: string;
  visits: string;
  mode: string;
  note: string;
  agreement: { facts: string; responsibility: string; amountYuan: string; obligations: Obligation[] };
}

const emptyInstalment: Instalment = { dueOn: "", amountYuan: "" };
const emptyObligation: Obligation = {
  obligor: "respondent",
  description: "",
  amountYuan: "",
  method: "",
  place: "",
  schedule: "once",
  dueOn: "",
  instalments: [emptyInstalment, emptyInstalment],
};

export function OutcomeForm({ caseId, reply }: { caseId: number; reply: CaseReply }) {
  const t = useT();
  const w = t.casePages.page;
  const locale = useLocale();
  const navigation = useNavigation();
  const lastResult = replyOf(reply, "outcome");
  const [form, fields] = useForm<OutcomeFields>({
    id: "outcome",
    lastResult,
    defaultValue: { visits: "0", agreement: { obligations: [emptyObligation] } },
  });
  const agreement = fields.agreement.getFieldset();
  const obligations = agreement.obligations.getFieldList();
  const pending = navigation.state === "submitting" && navigation.formData?.get("intent") === "outcome";

  const summary = [
    { id: fields.outcome.id, label: w.outcome, errors: fields.outcome.errors },
    { id: fields.visits.id, label: w.visits, errors: fields.visits.errors },
    { id: fields.mode.id, label: w.mode, errors: fields.mode.errors },
    { id: fields.note.id, label: w.note, errors: fields.note.errors },
    { id: agreement.facts.id, label: w.facts, errors: [...(fields.agreement.errors ?? []), ...(agreement.facts.errors ?? [])] },
    { id: agreement.responsibility.id, label: w.responsibility, errors: agreement.responsibility.errors },
    { id: agreement.amountYuan.id, label: w.agreementAmount, errors: agreement.amountYuan.errors },
    { id: `${agreement.obligations.id}-0`, label: w.obligations, errors: agreement.obligations.errors },
    ...obligations.flatMap((o, i) => {
      const f = o.getFieldset();
      const n = w.obligationLegend(i + 1);
      return [
        { id: f.obligor.id, label: `${n} · ${w.obligor}`, errors: f.obligor.errors },
        { id: f.description.id, label: `${n} · ${w.obligationDescription}`, errors: f.description.errors },
        { id: f.amountYuan.id, label: `${n} · ${w.obligationAmount}`, errors: f.amountYuan.errors },
        { id: f.method.id, label: `${n} · ${w.method}`, errors: f.method.errors },
        { id: f.place.id, label: `${n} · ${w.place}`, errors: f.place.errors },
        { id: f.dueOn.id, label: `${n} · ${w.dueOn}`, errors: f.dueOn.errors },
        { id: `${f.instalments.id}-0`, label: `${n} · ${w.instalmentsLegend}`, errors: f.instalments.errors },
        ...f.instalments.getFieldList().flatMap((row, j) => {
          const r = row.getFieldset();
          return [
            { id: r.dueOn.id, label: `${n} · ${w.instalmentDue(j + 1)}`, errors: r.dueOn.errors },
            { id: r.amountYuan.id, label: `${n} · ${w.instalmentAmount(j + 1)}`, errors: r.amountYuan.errors },
          ];
        }),
      ];
    }),
  ];

  return (
    <Form method="post" action={`/cases/${caseId}#outcome`} {...getFormProps(form)} className="case-form outcome-form">
      <ErrorSummary id="outcome-summary" items={summary} formErrors={form.errors} focusKey={lastResult} />
      <CsrfInput />
      <input type="hidden" name="intent" value="outcome" />
      <RadioGroup
        field={fields.outcome}
        legend={w.outcome}
        options={(["agreement", "no-agreement", "referred-arbitration", "referred-litigation"] as const).map((o) => ({
          value: o,
          label: t.casePages.outcome[o],
        }))}
      />
      <RadioGroup
        field={fields.visits}
        legend={w.visits}
        inline
        options={w.visitOptions.map((label, i) => ({ value: String(i), label }))}
      />
      <SelectField field={fields.mode} label={w.mode}>
        <option value="">{w.modeNone}</option>
        {MODES.map((m) => (
          <option key={m.slug} value={m.slug}>
            {m[locale]}
          </option>
        ))}
      </SelectField>
      <TextAreaField field={fields.note} label={w.note} rows={2} maxLength={2000} />

      <fieldset className="agreement-fields">
        <legend>{w.agreementHeading}</legend>
        <FieldErrors id={fields.agreement.errorId} errors={fields.agreement.errors} />
        <TextAreaField field={agreement.facts} label={w.facts} rows={4} maxLength={5000} />
        <TextAreaField field={agreement.responsibility} label={w.responsibility} rows={3} maxLength={5000} />
        <PlainField field={agreement.amountYuan} label={w.agreementAmount} inputMode="decimal" />
        <FieldErrors id={agreement.obligations.errorId} errors={agreement.obligations.errors} />
        {obligations.map((o, i) => {
          const f = o.getFieldset();
          const rows = f.instalments.getFieldList();
          return (
            <fieldset key={o.key} className="case-row obligation" id={i === 0 ? `${agreement.obligations.id}-0` : undefined} tabIndex={-1}>
              <legend>{w.obligationLegend(i + 1)}</legend>
              <RadioGroup
                field={f.obligor}
                legend={w.obligor}
                inline
                options={(["respondent", "applicant"] as const).map((s) => ({ value: s, label: w.sides[s] }))}
              />
              <TextAreaField field={f.description} label={w.obligationDescription} rows={2} maxLength={500} />
              <div className="field-pair">
                <PlainField field={f.amountYuan} label={w.obligationAmount} inputMode="decimal" />
                <TextField field={f.method} label={w.method} hint={w.methodHint} maxLength={200} />
                <TextField field={f.place} label={w.place} maxLength={200} />
              </div>
              <RadioGroup
                field={f.schedule}
                legend={w.schedule}
                inline
                options={[
                  { value: "once", label: w.scheduleOnce },
                  { value: "instalments", label: w.scheduleInstalments },
                ]}
              />
              <PlainField field={f.dueOn} label={w.dueOnOnce} type="date" />
              <fieldset className="instalments" id={`${f.instalments.id}-0`} tabIndex={-1}>
                <legend>{w.instalmentsOnly}</legend>
                <FieldErrors id={f.instalments.errorId} errors={f.instalments.errors} />
                {rows.map((row, j) => {
                  const r = row.getFieldset();
                  return (
                    <div className="field-pair instalment-row" key={row.key}>
                      <PlainField field={r.dueOn} label={w.instalmentDue(j + 1)} type="date" />
                      <PlainField field={r.amountYuan} label={w.instalmentAmount(j + 1)} inputMode="decimal" />
                    </div>
                  );
                })}
                {rows.length < MAX_INSTALMENTS ? (
                  <button
                    className="button button-small"
                    {...form.insert.getButtonProps({ name: f.instalments.name as FieldName<Instalment[]>, defaultValue: emptyInstalment })}
                  >
                    {w.addInstalment}
                  </button>
                ) : null}
              </fieldset>
              {i > 0 ? (
                <button
                  className="button button-quiet"
                  {...form.remove.getButtonProps({ name: agreement.obligations.name as FieldName<Obligation[]>, index: i })}
                >
                  {w.removeObligation}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {obligations.length < MAX_OBLIGATIONS ? (
          <button
            className="button"
            {...form.insert.getButtonProps({ name: agreement.obligations.name as FieldName<Obligation[]>, defaultValue: emptyObligation })}
          >
            {w.addObligation}
          </button>
        ) : null}
      </fieldset>
      <SubmitButton pending={pending} label={w.outcomeButton} />
    </Form>
  );
}
