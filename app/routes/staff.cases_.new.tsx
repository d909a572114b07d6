// /staff/cases/new: the general intake window's form. Staff file a case for someone who came in person
// (channel `window`): the applicant, the respondent (with a mobile number the respondent is invited by
// text), the dispute. Validated by the model's own schema; every error at once, next to its field.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { Input, Select, TextArea, errorsOf, fieldId, typedValue, type Reply } from "~/components/invitation-fields";
import { CsrfInput } from "~/components/session";
import { CATEGORIES, SEVERITIES, TOWNS } from "../../domain";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { fileCaseSchema } from "~/models/case-schemas";
import { fileCase } from "~/models/cases.server";
import { formRefusal } from "~/utils/booking-page.server";
import { parseForm, text } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  requirePageUser(request, ["staff", "admin"]);
  return null;
}

const at = (p: Record<string, unknown>, list: string, key: string) => {
  const first = (p[list] as Record<string, unknown>[] | undefined)?.[0];
  return text(first?.[key]);
};

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const t = messages[locale];
  const submission = parseForm(formData, {
    schema: fileCaseSchema,
    locale,
    input: (p) => {
      const amount = text(p.amountYuan);
      return {
        channel: "window",
        category: text(p.category),
        description: typeof p.description === "string" ? p.description : "",
        town: text(p.town),
        amountYuan: amount === undefined ? undefined : Number(amount),
        severity: text(p.severity),
        deathCompensation: p.deathCompensation === "on",
        applicants: [{ name: at(p, "applicants", "name") ?? "", phone: at(p, "applicants", "phone") }],
        respondents: [{ name: at(p, "respondents", "name") ?? "", phone: at(p, "respondents", "phone") }],
      };
    },
    messages: { category: t.staffIntake.errors.category, amountYuan: t.staffIntake.errors.amount },
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const filed = await fileCase({ user: auth.user, input: submission.value, now: Date.now() });
    return redirect(`/staff/cases?filed=${encodeURIComponent(filed.number)}`);
  } catch (error) {
    const { result, status } = formRefusal(error, submission, t, locale);
    return data({ result }, { status });
  }
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.staffIntake.title} · ${t.siteName}` }, { name: "description", content: t.metaDescription.intake }];
};

const FIELDS = [
  "applicants[0].name",
  "applicants[0].phone",
  "respondents[0].name",
  "respondents[0].phone",
  "category",
  "description",
  "town",
  "amountYuan",
  "severity",
] as const;

export default function IntakePage() {
  const reply = useActionData<typeof action>()?.result as Reply;
  const t = useT();
  const s = t.staffIntake;
  const locale = useLocale();
  const navigation = useNavigation();
  const labels: Record<(typeof FIELDS)[number], string> = {
    "applicants[0].name": `${s.applicant} · ${s.name}`,
    "applicants[0].phone": `${s.applicant} · ${s.phone}`,
    "respondents[0].name": `${s.respondent} · ${s.name}`,
    "respondents[0].phone": `${s.respondent} · ${s.phone}`,
    category: s.category,
    description: s.description,
    town: s.town,
    amountYuan: s.amount,
    severity: s.severity,
  };
  return (
    <div className="intake-page">
      <p className="back-link">
        <Link to="/staff/cases">{s.back}</Link>
      </p>
      <h1>{s.heading}</h1>
      <p className="lead">{s.intro}</p>
      <Form method="post" className="panel intake-form" noValidate>
        <ErrorSummary
          focusKey={reply}
          formErrors={reply?.error?.[""]}
          items={FIELDS.map((name) => ({ id: fieldId(name), label: labels[name], errors: errorsOf(reply, name) }))}
        />
        <CsrfInput />
        <fieldset className="intake-group">
          <legend>{s.applicant}</legend>
          <Input reply={reply} name="applicants[0].name" label={s.name} maxLength={60} autoComplete="off" />
          <Input reply={reply} name="applicants[0].phone" label={s.phone} hint={s.phoneHintApplicant} type="tel" inputMode="tel" />
        </fieldset>
        <fieldset className="intake-group">
          <legend>{s.respondent}</legend>
          <Input reply={reply} name="respondents[0].name" label={s.name} maxLength={60} autoComplete="off" />
          <Input reply={reply} name="respondents[0].phone" label={s.phone} hint={s.phoneHintRespondent} type="tel" inputMode="tel" />
        </fieldset>
        <fieldset className="intake-group">
          <legend>{s.dispute}</legend>
          <Select reply={reply} name="category" label={s.category}>
            <option value="">{s.chooseCategory}</option>
            {CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c[locale]}
              </option>
            ))}
          </Select>
          <TextArea reply={reply} name="description" label={s.description} hint={s.descriptionHint} maxLength={2000} />
          <Select reply={reply} name="town" label={s.town}>
            <option value="">{s.noTown}</option>
            {TOWNS.map((town) => (
              <option key={town.slug} value={town.slug}>
                {town[locale]}
              </option>
            ))}
          </Select>
          <Input reply={reply} name="amountYuan" label={s.amount} inputMode="decimal" maxLength={14} />
          <Select reply={reply} name="severity" label={s.severity} fallback="simple">
            {SEVERITIES.map((v) => (
              <option key={v} value={v}>
                {t.caseWords.severity[v]}
              </option>
            ))}
          </Select>
          <div className="field">
            <label className="choice" htmlFor="intake-death-compensation">
              <input
                type="checkbox"
                id="intake-death-compensation"
                name="deathCompensation"
                defaultChecked={typedValue(reply, "deathCompensation") === "on"}
                aria-describedby="intake-death-compensation-hint"
              />
              {s.deathCompensation}
            </label>
            <p className="field-hint" id="intake-death-compensation-hint">
              {s.deathCompensationHint}
            </p>
          </div>
        </fieldset>
        <SubmitButton pending={navigation.state === "submitting"} label={s.submit} />
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
