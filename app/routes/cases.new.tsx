// /cases/new: a party asks for mediation online. `?category=` pre-fills the kind of dispute and
// `?pick=ID` (up to three, in order) the mediators asked for, e.g. from a mediator's profile. The form
// works without JavaScript; the action files the case and goes to its page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { CaseFilingForm } from "~/components/case-filing-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CATEGORY_SLUGS } from "../../domain";
import { localeFromMatches, messages, useT } from "~/i18n";
import { listPickableMediators } from "~/models/case-pages.server";
import { fileCaseAction } from "~/utils/case-page.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  requirePageUser(request, ["party"]);
  const url = new URL(request.url);
  const mediators = listPickableMediators();
  const asked = url.searchParams.get("category") ?? "";
  const known = new Set(mediators.map((m) => String(m.id)));
  const picks = [...new Set(url.searchParams.getAll("pick"))].filter((id) => known.has(id)).slice(0, 3);
  return {
    mediators,
    defaults: { category: (CATEGORY_SLUGS as readonly string[]).includes(asked) ? asked : "", picks },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["party"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  return fileCaseAction(request, auth, formData);
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.caseNew }, { title: `${t.casePages.file.title} · ${t.siteName}` }];
};

export default function NewCasePage() {
  const { mediators, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as { result: SubmissionResult<string[]> } | undefined;
  const t = useT();
  const w = t.casePages.file;
  return (
    <div className="case-new-page">
      <p className="back-link">
        <Link to="/cases">{w.back}</Link>
      </p>
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <CaseFilingForm mediators={mediators} defaults={defaults} lastResult={reply?.result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
