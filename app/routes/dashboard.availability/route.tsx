// /dashboard/availability: a mediator's weekly hours, particular dates, leave and booking rules. The
// add/remove buttons post the whole form back (nothing typed is lost); "save" validates with the
// availability schema, shows each error next to its input, and on success replaces the availability.
// A change that strands booked sessions comes back with their list and a choice for each (ADR 030):
// the form carries everything typed, so "save" again sends the change with the decisions.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { ownMediatorId } from "~/models/availability.server";
import { availabilityView, saveAvailability, type StrandedSession } from "~/models/stranded-sessions.server";
import { isDomainError } from "~/models/errors";
import { requireCsrf, requirePageUser } from "~/utils/session.server";
import { AvailabilityEditor } from "./editor-form";
import { applyIntent, decisionsFor, stateFromDocument, stateFromForm, validate, type EditorReply } from "./editor.server";

function linkedMediator(request: Request) {
  const auth = requirePageUser(request, ["mediator"]);
  try {
    return { auth, mediatorId: ownMediatorId(auth.user) };
  } catch (error) {
    if (isDomainError(error, "forbidden")) throw new Response("This account is not linked to a mediator", { status: 403 });
    throw error;
  }
}

/** Changes when the saved availability does, so the form starts afresh after a save. */
function version(value: unknown): string {
  let h = 5381;
  for (const ch of JSON.stringify(value)) h = (h * 33) ^ ch.charCodeAt(0);
  return (h >>> 0).toString(36);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { mediatorId } = linkedMediator(request);
  const doc = availabilityView({ mediatorId });
  return {
    mediatorId,
    state: stateFromDocument(doc),
    version: version(doc),
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

const none: StrandedSession[] = [];

export async function action({ request }: ActionFunctionArgs) {
  const { auth, mediatorId } = linkedMediator(request);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const state = stateFromForm(formData);
  const intent = String(formData.get("intent") ?? "save");
  if (intent !== "save") {
    const reply = applyIntent(state, intent, locale);
    return data({ ...reply, stranded: none }, { status: Object.keys(reply.errors).length ? 400 : 200 });
  }
  const result = validate(state, locale);
  if (!("ok" in result)) return data({ ...result, stranded: none }, { status: 400 });
  // The sessions the page listed last time (posted back with the form) are the ones answered now.
  const listed = formData.getAll("stranded").map(Number).filter(Number.isInteger);
  const answered = decisionsFor(state, listed, locale);
  const now = Date.now();
  const input = { ...result.doc, instantConfirm: state.instantConfirm, decisions: answered.ok ? answered.decisions : [] };
  const saved = await saveAvailability({ mediatorId, input, now });
  if (saved.ok) return redirect("/dashboard/availability?saved=1");
  const errors: Record<string, string[]> = answered.ok ? {} : answered.errors;
  const t = messages[locale].leave.errors;
  for (const id of saved.unmovable) errors[`decision-${id}`] = [t.unmovable];
  // A session listed for the first time has no answer yet: the list itself asks, without an error.
  for (const s of saved.stranded)
    if (listed.includes(s.bookingId) && !state.decisions[s.bookingId]?.action) errors[`decision-${s.bookingId}`] ??= [t.decide];
  const reply: EditorReply & { stranded: StrandedSession[] } = {
    state: result.state,
    errors,
    stranded: saved.stranded,
    focus: "stranded-heading",
  };
  return data(reply, { status: 409 });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.availability }, { title: `${t.availability.title} · ${t.siteName}` }];
};

export default function AvailabilityPage() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (loaded.saved && !reply) savedRef.current?.focus();
  }, [loaded.saved, loaded.version, reply]);
  return (
    <div className="availability-page">
      <p className="back-link">
        <Link to="/dashboard">{t.availability.back}</Link>
      </p>
      <h1>{t.availability.heading}</h1>
      <p className="lead">{t.availability.intro}</p>
      {loaded.saved && !reply ? (
        <div ref={savedRef} tabIndex={-1} className="focus-target">
          <Notice>{t.availability.saved}</Notice>
        </div>
      ) : null}
      <AvailabilityEditor
        key={loaded.version}
        state={reply?.state ?? loaded.state}
        errors={reply?.errors ?? {}}
        focus={reply?.focus}
        stranded={reply?.stranded ?? []}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
