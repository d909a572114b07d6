// /staff/categories: the centre's choices per category. Automatic assignment (issue 9, ADR 021): when a
// case's picks are exhausted (or none was given) the suggestion is booked at once and staff are told.
// Days to conclude (issue 8, "configurable per category"): a case filed afterwards is due in that many
// days (1–90; the law's 15 for labour and 30 for the rest until staff change them). One no-JS form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, FieldErrors, Notice } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { categorySettingsFor, categorySettingsSchema, DUE_DAYS, saveCategorySettings } from "~/models/assignment-staff.server";
import { CATEGORY_SLUGS, facetLabel } from "../../domain";
import { fieldErrors } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  return { settings: categorySettingsFor(user), saved: new URL(request.url).searchParams.has("saved"), limits: DUE_DAYS };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  // A category whose field is not in the form keeps its days; one that is must hold 1–90.
  const days: Record<string, string> = {};
  for (const c of CATEGORY_SLUGS) {
    const v = form.get(`days.${c}`);
    if (v !== null) days[c] = String(v);
  }
  const parsed = categorySettingsSchema.safeParse({ auto: form.getAll("auto").map(String), days }, { reportInput: true });
  if (!parsed.success)
    return data(
      { errors: fieldErrors(parsed.error, getLocale(request)), values: { auto: form.getAll("auto").map(String), days } },
      { status: 400 },
    );
  await saveCategorySettings({ user: auth.user, input: parsed.data, now: Date.now() });
  return redirect("/staff/categories?saved=1");
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.categories }, { title: `${t.assignment.categoriesHeading} · ${t.siteName}` }];
};

export default function CategoriesPage() {
  const { settings, saved, limits } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const w = t.assignment;
  const locale = useLocale();
  const label = (category: string) => facetLabel("category", category, locale);
  // After a refused submit the form shows what was typed, beside its messages.
  const auto = (s: (typeof settings)[number]) => (reply ? reply.values.auto.includes(s.category) : s.autoAssign);
  const days = (s: (typeof settings)[number]) => reply?.values.days[s.category] ?? String(s.dueDays);
  return (
    <div className="categories-page">
      <h1>{w.categoriesHeading}</h1>
      {saved && !reply ? <Notice>{w.saved}</Notice> : null}
      <p className="lead">{w.categoriesIntro}</p>
      <ErrorSummary
        focusKey={reply}
        items={settings.map((s) => ({
          id: `days-${s.category}`,
          label: w.dueDaysLabel(label(s.category)),
          errors: reply?.errors[`days.${s.category}`],
        }))}
      />
      <Form method="post" className="panel" key={reply ? JSON.stringify(reply.values) : "saved"}>
        <CsrfInput />
        <fieldset>
          <legend>{w.autoAssign}</legend>
          {settings.map((s) => (
            <label key={s.category} className="choice">
              <input type="checkbox" name="auto" value={s.category} defaultChecked={auto(s)} />
              <span>{label(s.category)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="due-days">
          <legend>{w.dueDays}</legend>
          <p className="field-hint">{w.dueDaysIntro}</p>
          {settings.map((s) => {
            const id = `days-${s.category}`;
            const errors = reply?.errors[`days.${s.category}`];
            return (
              <div className="field" key={s.category}>
                <label htmlFor={id}>{label(s.category)}</label>
                <input
                  id={id}
                  name={`days.${s.category}`}
                  type="number"
                  inputMode="numeric"
                  min={limits.min}
                  max={limits.max}
                  step={1}
                  defaultValue={days(s)}
                  aria-invalid={errors?.length ? true : undefined}
                  aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
                />
                <p id={`${id}-hint`} className="field-hint">
                  {w.dueDaysHint(limits.min, limits.max)}
                </p>
                <FieldErrors id={`${id}-error`} errors={errors} />
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="button button-primary">
          {w.save}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
