// /cases: the signed-in user's cases — a party's own, a mediator's, every case for staff — newest
// first, a page at a time; each with its number (the only one people see), status, dispute, mediator
// and due date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStatusBadge } from "~/components/case-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { facetLabel } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { centreDate, formatDay } from "~/i18n/format";
import { pageSchema } from "~/models/booking-schemas";
import { listCases } from "~/models/cases.server";
import { requirePageUser } from "~/utils/session.server";

const PER_PAGE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request);
  // A page number that is not one shows the first page.
  const asked = pageSchema.safeParse({ page: new URL(request.url).searchParams.get("page") ?? undefined, perPage: PER_PAGE });
  const list = listCases({ user, page: asked.success ? asked.data : { page: 1, perPage: PER_PAGE } });
  return { role: user.role, ...list, pages: Math.ceil(list.total / list.perPage) };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.cases }, { title: `${t.casePages.list.title} · ${t.siteName}` }];
};

export default function CasesPage() {
  const { role, cases, total, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const w = t.casePages.list;
  const locale = useLocale();
  const lang = dataLang(locale);
  const heading = role === "party" ? w.title : role === "mediator" ? w.mediatorTitle : w.staffTitle;
  return (
    <div className="cases-page">
      <div className="cases-head">
        <h1>{heading}</h1>
        {role === "party" ? (
          <Link to="/cases/new" className="button button-primary">
            {w.fileButton}
          </Link>
        ) : null}
      </div>
      {cases.length === 0 ? (
        <div className="notice">
          <p>{w.empty}</p>
        </div>
      ) : (
        <ol className="case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <article className="case-card" aria-labelledby={`case-${c.id}`}>
                <div className="case-card-head">
                  <h2 id={`case-${c.id}`} className="case-card-title">
                    <Link to={`/cases/${c.id}`}>{c.number}</Link>
                  </h2>
                  <CaseStatusBadge status={c.status} outcome={c.outcome} />
                </div>
                <dl className="inline-facts">
                  <div>
                    <dt>{w.category}</dt>
                    <dd>{facetLabel("category", c.category, locale)}</dd>
                  </div>
                  <div>
                    <dt>{w.mediator}</dt>
                    <dd lang={c.mediator ? lang : undefined}>{c.mediator ? c.mediator.name : w.noMediator}</dd>
                  </div>
                  <div>
                    <dt>{w.filed}</dt>
                    <dd>{formatDay(centreDate(c.createdAt), locale)}</dd>
                  </div>
                  {c.dueAt && c.status !== "closed" ? (
                    <div>
                      <dt>{w.due}</dt>
                      <dd>{formatDay(centreDate(c.dueAt), locale)}</dd>
                    </div>
                  ) : null}
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
      {total > 0 ? <p className="small muted">{w.count(total)}</p> : null}
      <Pagination params={new URLSearchParams()} page={page} pages={pages} hrefFor={(p) => `/cases?page=${p}`} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
