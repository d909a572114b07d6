// /staff/sea (issue 9, ADR 023): the centre's staff declare a ferry suspension (island towns, a time in
// Beijing time, a note), see every suspension with the sessions it caught and what became of each, lift
// one early, and answer the offer for a party who phoned. Plain POSTs with the CSRF token: no
// JavaScript needed; cards rather than tables, so it reads on a tablet and a phone.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import type { Reply } from "~/components/invitation-fields";
import { SeaDeclareForm } from "~/components/sea-declare";
import { SeaList } from "~/components/sea-list";
import { localeFromMatches, messages, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { isDomainError } from "~/models/errors";
import { answerSeaOffer } from "~/models/sea-offer.server";
import { ISLAND_TOWNS } from "~/models/sea-rules";
import { declareSuspensionSchema, seaOfferSchema } from "~/models/sea-schemas";
import { declareSuspension, liftSuspension, listSuspensions } from "~/models/sea.server";
import { parseId } from "~/utils/api.server";
import { parseForm, text } from "~/utils/forms.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

const STAFF = ["staff", "admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, STAFF);
  const url = new URL(request.url);
  return {
    suspensions: listSuspensions({ user, now: Date.now() }),
    islandTowns: ISLAND_TOWNS,
    done: url.searchParams.get("done"),
    count: Number(url.searchParams.get("n") ?? 0),
  };
}

/** A datetime-local value ("2026-12-02T08:00") is Beijing wall-clock time: the instant with +08:00. */
const beijing = (value: unknown) => {
  const v = text(value);
  return v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+08:00` : v;
};

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, STAFF);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const now = Date.now();
  const intent = formData.get("intent");
  try {
    if (intent === "lift") {
      const id = parseId(String(formData.get("id") ?? ""));
      if (id === null) throw new Response(null, { status: 404 });
      await liftSuspension({ user: auth.user, id, now });
      return redirect("/staff/sea?done=lifted");
    }
    if (intent === "answer") {
      const id = parseId(String(formData.get("bookingId") ?? ""));
      const answer = seaOfferSchema.safeParse({ accept: formData.get("accept") });
      if (id === null || !answer.success) throw new Response(null, { status: 400 });
      await answerSeaOffer({ user: auth.user, id, answer: answer.data.accept, now });
      return redirect("/staff/sea?done=answered");
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data({ result: undefined, refused: error.code }, { status: error.code === "not_found" ? 404 : 409 });
  }
  const locale = getLocale(request);
  const submission = parseForm(formData, {
    schema: declareSuspensionSchema(now),
    locale,
    input: (p) => ({
      towns: Array.isArray(p.towns) ? p.towns : p.towns === undefined ? [] : [p.towns],
      from: beijing(p.from),
      to: beijing(p.to),
      note: typeof p.note === "string" ? p.note : undefined,
    }),
    messages: { from: messages[locale].sea.fromInvalid },
  });
  if (submission.status !== "success") {
    const result = submission.reply();
    // A town's own issue (towns[1]) is said on the group of checkboxes.
    const errors = result.error ?? {};
    for (const key of Object.keys(errors))
      if (key.startsWith("towns[")) errors.towns = [...new Set([...(errors.towns ?? []), ...(errors[key] ?? [])])];
    return data({ result, refused: null }, { status: 400 });
  }
  const declared = await declareSuspension({ user: auth.user, input: submission.value, now });
  return redirect(`/staff/sea?done=declared&n=${declared.affected.length}`);
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ name: "description", content: t.metaDescription.sea }, { title: `${t.sea.title} · ${t.siteName}` }];
};

export default function StaffSeaPage() {
  const { suspensions, islandTowns, done, count } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const s = t.sea;
  const notice =
    done === "declared" ? s.declared(count) : done === "lifted" ? s.liftedNotice : done === "answered" ? s.answeredNotice : null;
  const refused = answer?.refused as keyof typeof s.errors | null | undefined;
  return (
    <div className="sea-page">
      <h1>{s.heading}</h1>
      <p className="lead">{s.intro}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {refused ? <Notice kind="error">{s.errors[refused] ?? s.errors.illegal_transition}</Notice> : null}
      {/* A new key after each redirect: the declared form starts empty again. */}
      <SeaDeclareForm key={`${done}-${suspensions.length}`} reply={answer?.result as Reply} islandTowns={islandTowns} />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{s.listHeading}</h2>
        <SeaList suspensions={suspensions} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
