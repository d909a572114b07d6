// /staff/categories: the centre switches categories to automatic assignment (issue 9, ADR 021): when a
// case's picks are exhausted (or none was given) the suggestion is booked at once and staff are told.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { categorySettingsFor, setAutoAssign } from "~/models/assignment-staff.server";
import { facetLabel } from "../../domain";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  return { settings: categorySettingsFor(user), saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["staff", "admin"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  await setAutoAssign({ user: auth.user, on: form.getAll("auto").map(String), now: Date.now() });
  return redirect("/staff/categories?saved=1");
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.categories }, { title: `${t.assignment.categoriesHeading} · ${t.siteName}` }];
};

export default function CategoriesPage() {
  const { settings, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const w = t.assignment;
  const locale = useLocale();
  return (
    <div className="categories-page">
      <h1>{w.categoriesHeading}</h1>
      {saved ? <Notice>{w.saved}</Notice> : null}
      <p className="lead">{w.categoriesIntro}</p>
      <Form method="post" className="panel">
        <CsrfInput />
        <fieldset>
          <legend>{w.autoAssign}</legend>
          {settings.map((s) => (
            <label key={s.category} className="choice">
              <input type="checkbox" name="auto" value={s.category} defaultChecked={s.autoAssign} />
              <span>{facetLabel("category", s.category, locale)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary">
          {w.save}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
