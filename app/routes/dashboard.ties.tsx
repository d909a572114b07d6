// /dashboard/ties: a mediator declares the villages, boats, employers, relatives, organisations and
// people they are tied to (issue 9); staff keep them for any mediator with `?mediator=<id>`. A case
// whose parties match a tie is never assigned to them (ADR 021). Plain forms, CSRF on each.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { CsrfInput } from "~/components/session";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { tieSchema } from "~/models/assignment-schemas";
import { addTie, listTies, removeTie } from "~/models/conflicts.server";
import { isDomainError } from "~/models/errors";
import { TIE_KINDS } from "../../domain";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

function whose(request: Request): number | undefined {
  const raw = Number(new URL(request.url).searchParams.get("mediator"));
  return Number.isInteger(raw) && raw > 0 ? raw : undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["mediator", "staff", "admin"]);
  const mediatorId = whose(request);
  try {
    return { ties: listTies({ user, mediatorId }), mediatorId: mediatorId ?? null };
  } catch (error) {
    if (isDomainError(error, "forbidden") || isDomainError(error, "invalid_input")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["mediator", "staff", "admin"]);
  const form = await request.formData();
  requireCsrf(request, auth, form);
  const mediatorId = whose(request);
  const back = `/dashboard/ties${mediatorId ? `?mediator=${mediatorId}` : ""}`;
  const t = messages[getLocale(request)];
  if (form.get("intent") === "remove") {
    await removeTie({ user: auth.user, mediatorId, tieId: Number(form.get("tieId")), now: Date.now() });
    return redirect(back);
  }
  const parsed = tieSchema.safeParse({
    kind: String(form.get("kind") ?? ""),
    name: String(form.get("name") ?? ""),
    note: String(form.get("note") ?? "") || undefined,
  });
  if (!parsed.success) return data({ error: t.assignment.tieName }, { status: 400 });
  await addTie({ user: auth.user, mediatorId, input: parsed.data, now: Date.now() });
  return redirect(back);
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.ties }, { title: `${t.assignment.tiesHeading} · ${t.siteName}` }];
};

export default function TiesPage() {
  const { ties } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const w = t.assignment;
  return (
    <div className="ties-page">
      <h1>{w.tiesHeading}</h1>
      <p className="lead">{w.tiesIntro}</p>
      {failed && "error" in failed ? <Notice kind="error">{failed.error}</Notice> : null}
      {ties.length ? (
        <ul className="ties-list">
          {ties.map((tie) => (
            <li key={tie.id}>
              <span className="small muted">{w.tieKinds[tie.kind]}</span> {tie.name}
              {tie.note ? <span className="small muted"> · {tie.note}</span> : null}
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="tieId" value={tie.id} />
                <button type="submit" className="button button-small">
                  {w.removeTie}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{w.noTies}</p>
      )}
      <Form method="post" className="panel stack">
        <CsrfInput />
        <div className="field">
          <label htmlFor="tie-kind">{w.tieKind}</label>
          <select id="tie-kind" name="kind">
            {TIE_KINDS.map((k) => (
              <option key={k} value={k}>
                {w.tieKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tie-name">{w.tieName}</label>
          <input id="tie-name" name="name" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="tie-note">{w.tieNote}</label>
          <input id="tie-note" name="note" maxLength={200} />
        </div>
        <button type="submit" className="button button-primary">
          {w.addTie}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
