// The smaller forms of the case page: rank the shortlist, withdraw, begin mediation, acknowledge the
// agreement, record the judicial confirmation and each instalment's fulfilment, rate the mediation.
// Each posts to the page's own action with an `intent` and the CSRF token; the page's reply (errors
// in the page's words) comes back to the form it belongs to. None needs JavaScript.
import { getFormProps, getInputProps, useForm, type FormMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { dataLang, useLocale, useT } from "~/i18n";
import { PlainField, RadioGroup, replyOf, type CaseReply } from "./case-parts";
import { ErrorSummary, FieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "./forms";
import { CsrfInput } from "./session";

function usePending(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

/** A form of the case page: its errors on top, the CSRF token and intent, its fields, its button. */
function StepForm({
  caseId,
  intent,
  form,
  summary,
  button,
  buttonClass,
  children,
  className,
}: {
  caseId: number;
  intent: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form shape
  form: FormMetadata<any, string[]>;
  summary?: { id: string; label: string; errors?: string[] }[];
  button: string;
  buttonClass?: string;
  children?: ReactNode;
  className?: string;
}) {
  const pending = usePending(intent);
  return (
    <Form method="post" action={`/cases/${caseId}#${form.id}`} {...getFormProps(form)} className={className ?? "case-step-form"}>
      {summary ? (
        <ErrorSummary id={`${form.id}-summary`} items={summary} formErrors={form.errors} focusKey={form.status} />
      ) : form.errors?.length ? (
        <p className="field-error" role="alert">
          {form.errors.join(" ")}
        </p>
      ) : null}
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <SubmitButton pending={pending} label={button} className={buttonClass} />
    </Form>
  );
}

export function RankForm({
  caseId,
  shortlist,
  ranking,
  needsInformed,
  reply,
}: {
  caseId: number;
  shortlist: { id: number; name: string; title: string }[];
  ranking: number[];
  needsInformed: boolean;
  reply: CaseReply;
}) {
  const t = useT();
  const w = t.casePages.page;
  const lang = dataLang(useLocale());
  const initial = (ranking.length ? ranking : shortlist.map((m) => m.id)).map(String);
  const [form, fields] = useForm<{ ranking: string[]; informed: string }>({
    id: "rank",
    lastResult: replyOf(reply, "rank"),
    defaultValue: { ranking: initial },
  });
  const chosen = Array.isArray(fields.ranking.initialValue) ? (fields.ranking.initialValue as unknown[]) : [];
  const { key: informedKey, ...informedProps } = getInputProps(fields.informed, { type: "checkbox" });
  return (
    <StepForm
      caseId={caseId}
      intent="rank"
      form={form}
      button={w.rankButton}
      summary={[
        { id: `${fields.ranking.id}-0`, label: w.rankHeading, errors: fields.ranking.errors },
        { id: fields.informed.id, label: t.casePages.file.aboutHeading, errors: fields.informed.errors },
      ]}
    >
      <div className="rank-grid">
        {shortlist.map((_, i) => {
          const id = `${fields.ranking.id}-${i}`;
          return (
            <div className="field" key={`${fields.ranking.key ?? ""}-${i}`}>
              <label htmlFor={id}>{w.rankChoice(i + 1)}</label>
              <select
                id={id}
                name={`${fields.ranking.name}[${i}]`}
                defaultValue={typeof chosen[i] === "string" ? (chosen[i] as string) : ""}
                aria-invalid={fields.ranking.errors ? true : undefined}
                aria-describedby={fields.ranking.errors ? fields.ranking.errorId : undefined}
              >
                <option value="">{w.rankNone}</option>
                {shortlist.map((m) => (
                  <option key={m.id} value={String(m.id)} lang={lang}>
                    {m.name} · {m.title}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <FieldErrors id={fields.ranking.errorId} errors={fields.ranking.errors} />
      {needsInformed ? (
        <div className="field">
          <ul className="case-about-list">
            {t.casePages.file.about.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <label className="choice case-informed">
            <input key={informedKey} {...informedProps} aria-describedby={fields.informed.errors ? fields.informed.errorId : undefined} />{" "}
            {w.informedAgain}
          </label>
          <FieldErrors id={fields.informed.errorId} errors={fields.informed.errors} />
        </div>
      ) : null}
    </StepForm>
  );
}

export function WithdrawForm({ caseId, reply }: { caseId: number; reply: CaseReply }) {
  const w = useT().casePages.page;
  const lastResult = replyOf(reply, "withdraw");
  const [form, fields] = useForm<{ reason: string }>({ id: "withdraw", lastResult });
  return (
    <details className="fold" open={lastResult ? true : undefined}>
      <summary>{w.withdrawHeading}</summary>
      <StepForm caseId={caseId} intent="withdraw" form={form} button={w.withdrawButton} buttonClass="button button-danger">
        <TextAreaField field={fields.reason} label={w.withdrawReason} hint={w.withdrawHint} rows={3} maxLength={500} />
      </StepForm>
    </details>
  );
}

/** One button (begin mediation, acknowledge the agreement). */
export function ButtonForm({ caseId, intent, label, reply }: { caseId: number; intent: string; label: string; reply: CaseReply }) {
  const [form] = useForm({ id: `step-${intent}`, lastResult: replyOf(reply, intent) });
  return <StepForm caseId={caseId} intent={intent} form={form} button={label} buttonClass="button button-primary" />;
}

export function ConfirmationForm({
  caseId,
  current,
  reply,
}: {
  caseId: number;
  current: { court: string; appliedOn: string; reference: string | null; decidedOn: string | null; result: string | null } | null;
  reply: CaseReply;
}) {
  const w = useT().casePages.page;
  const [form, fields] = useForm<{ court: string; appliedOn: string; reference: string; decidedOn: string; result: string }>({
    id: "confirmation",
    lastResult: replyOf(reply, "confirmation"),
    defaultValue: {
      court: current?.court ?? "普陀区人民法院",
      appliedOn: current?.appliedOn ?? "",
      reference: current?.reference ?? "",
      decidedOn: current?.decidedOn ?? "",
      result: current?.result ?? "",
    },
  });
  return (
    <StepForm
      caseId={caseId}
      intent="confirmation"
      form={form}
      button={w.confirmationButton}
      summary={[
        { id: fields.court.id, label: w.court, errors: fields.court.errors },
        { id: fields.appliedOn.id, label: w.appliedOn, errors: fields.appliedOn.errors },
        { id: fields.reference.id, label: w.reference, errors: fields.reference.errors },
        { id: fields.decidedOn.id, label: w.decidedOn, errors: fields.decidedOn.errors },
        { id: fields.result.id, label: w.result, errors: fields.result.errors },
      ]}
    >
      <div className="field-pair">
        <TextField field={fields.court} label={w.court} maxLength={100} />
        <PlainField field={fields.appliedOn} label={w.appliedOn} type="date" />
        <TextField field={fields.reference} label={w.reference} maxLength={100} />
        <PlainField field={fields.decidedOn} label={w.decidedOn} type="date" />
        <SelectField field={fields.result} label={w.result}>
          <option value="">{w.resultPending}</option>
          <option value="confirmed">{w.results.confirmed}</option>
          <option value="rejected">{w.results.rejected}</option>
        </SelectField>
      </div>
    </StepForm>
  );
}

export function FulfilmentForm({
  caseId,
  instalmentId,
  seq,
  result,
  reply,
}: {
  caseId: number;
  instalmentId: number;
  seq: number;
  result: string | null;
  reply: CaseReply;
}) {
  const w = useT().casePages.page;
  const intentKey = `fulfilment-${instalmentId}`;
  const mine =
    reply && reply.intent === "fulfilment" && reply.result.initialValue?.instalmentId === String(instalmentId) ? reply : undefined;
  const [form, fields] = useForm<{ result: string }>({
    id: intentKey,
    lastResult: replyOf(mine, "fulfilment"),
    defaultValue: { result: result ?? "" },
  });
  return (
    <StepForm
      caseId={caseId}
      intent="fulfilment"
      form={form}
      button={w.fulfilmentButton}
      buttonClass="button button-small"
      className="fulfilment-form"
    >
      <input type="hidden" name="instalmentId" value={instalmentId} />
      <SelectField field={fields.result} label={w.fulfilmentLabel(seq)}>
        <option value="">{w.notYet}</option>
        {Object.entries(w.instalmentResult).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </StepForm>
  );
}

export function RatingForm({ caseId, reply }: { caseId: number; reply: CaseReply }) {
  const w = useT().casePages.page;
  const [form, fields] = useForm<{ stars: string; comment: string }>({ id: "rate", lastResult: replyOf(reply, "rate") });
  return (
    <StepForm
      caseId={caseId}
      intent="rate"
      form={form}
      button={w.rateButton}
      summary={[
        { id: fields.stars.id, label: w.stars, errors: fields.stars.errors },
        { id: fields.comment.id, label: w.comment, errors: fields.comment.errors },
      ]}
    >
      <RadioGroup
        field={fields.stars}
        legend={w.stars}
        inline
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: w.starLabel(n) }))}
      />
      <TextAreaField field={fields.comment} label={w.comment} hint={w.commentHint} rows={3} maxLength={1000} />
    </StepForm>
  );
}
