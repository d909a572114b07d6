// /waitlist: where the "tell me if an earlier time opens" form posts (from a mediator's or committee's
// booking page) and where an entry is cancelled (from /bookings). Plain POST and redirect, so it works
// without JavaScript; the page it returns to says what happened (?waitlist=…). GET goes to /bookings.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { isDomainError } from "~/models/errors";
import { ISSUES } from "~/models/issues";
import { cancelWaitlist, joinWaitlist } from "~/models/waitlist.server";
import { requireCsrf, requirePageUser } from "~/utils/session.server";

export const loader = () => redirect("/bookings");

/** Only back to a booking page: the form's `next` is never a way off the site. */
function backTo(next: FormDataEntryValue | null, status: Record<string, string>): string {
  const raw = typeof next === "string" ? next : "";
  const url = new URL(raw, "http://x");
  const path = /^\/(mediators|committees)\/\d{1,10}\/book$/.test(url.pathname) && raw.startsWith("/") ? url.pathname : "/bookings";
  const params = new URLSearchParams();
  const from = url.searchParams.get("from");
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) params.set("from", from);
  for (const [k, v] of Object.entries(status)) params.set(k, v);
  return `${path}?${params}#waitlist`;
}

/** The page's words for a refusal, by the schema's code (never the English message). */
function problemOf(error: unknown): string {
  if (error instanceof z.ZodError) {
    const codes = error.issues.map((i) => i.message);
    if (codes.includes(ISSUES.toBeforeFrom)) return "order";
    if (codes.includes(ISSUES.rangeTooLong)) return "tooLong";
    return "date";
  }
  if (isDomainError(error, "conflict")) return "tooMany";
  if (isDomainError(error, "invalid_input")) return "past";
  throw error;
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = requirePageUser(request, ["party"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const now = Date.now();
  if (formData.get("intent") === "cancel") {
    const id = Number(formData.get("id"));
    if (!Number.isInteger(id) || id < 1) throw new Response("Not found", { status: 404 });
    try {
      await cancelWaitlist({ user: auth.user, id, now });
    } catch (error) {
      if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
      throw error;
    }
    return redirect("/bookings?waitlist=cancelled#waitlist");
  }
  const next = formData.get("next");
  const input = Object.fromEntries(["subject", "id", "from", "to", "mode"].map((k) => [k, formData.get(k) ?? undefined]));
  try {
    const { freeNow } = await joinWaitlist({ user: auth.user, input, now });
    return redirect(backTo(next, freeNow === null ? { waitlist: "joined" } : { waitlist: "joined", free: String(freeNow) }));
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response("Not found", { status: 404 });
    // What was typed comes back with the message, so nothing is lost.
    const typed = Object.fromEntries(
      ["from", "to"].flatMap((k) => (typeof input[k] === "string" ? [[`w${k}`, String(input[k]).slice(0, 10)]] : [])),
    );
    return redirect(backTo(next, { waitlist: problemOf(error), ...typed }));
  }
}
