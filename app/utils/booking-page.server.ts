// The booking pages of a mediator (/mediators/:id/book) and of a committee (/committees/:id/book)
// share everything but the subject: the two-week window of free slots, who may order, and the order
// form's action. The booking detail page's reschedule calendar uses the same window.
import crypto from "node:crypto";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { DateTime } from "luxon";
import { z } from "zod";
import type { CalendarWindow } from "~/components/slot-calendar";
import { CENTRE_TIMEZONE, MODE_SLUGS, TOWN_SLUGS, facetLabel, type FacetName, type Locale } from "../../domain";
import { messages } from "~/i18n";
import { centreDate } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { cancelBooking, confirmBooking, declineBooking, rescheduleBooking } from "~/models/booking-actions.server";
import { BookingError, createBookingAsync, createBookingSchema, reasonSchema, rescheduleSchema } from "~/models/bookings.server";
import { listSlots, type SlotsView } from "~/models/slots-query.server";
import type { Auth } from "./auth.server";
import { parseForm, text } from "./forms.server";
import { getPageAuth, requireCsrf, requirePageUser } from "./session.server";

export const WINDOW_DAYS = 14;
/** How far ahead the calendar pages (the longest horizon a mediator may set). */
const MAX_AHEAD_DAYS = 365;

/** Two weeks from `?from=YYYY-MM-DD` (today at the centre when absent, in the past or not a date). */
export function calendarWindow(fromParam: string | null): CalendarWindow {
  const today = DateTime.now().setZone(CENTRE_TIMEZONE).startOf("day");
  const last = today.plus({ days: MAX_AHEAD_DAYS });
  const asked = fromParam && /^\d{4}-\d{2}-\d{2}$/.test(fromParam) ? DateTime.fromISO(fromParam, { zone: CENTRE_TIMEZONE }) : null;
  const from = asked?.isValid && asked >= today ? (asked > last ? last : asked) : today;
  const prev = from.minus({ days: WINDOW_DAYS });
  const next = from.plus({ days: WINDOW_DAYS });
  return {
    from: from.toISODate()!,
    to: from.plus({ days: WINDOW_DAYS - 1 }).toISODate()!,
    prevFrom: from > today ? (prev < today ? today : prev).toISODate()! : null,
    nextFrom: next <= last ? next.toISODate()! : null,
  };
}

export type Viewer = "anonymous" | "party" | "other";
type SlotRow = SlotsView["slots"][number];

/**
 * A committee's free time is the union of its members' slots, so two members may offer the same start
 * with different session lengths. A party picks a start (the centre assigns the member): one choice
 * per start, offering every mode and town of any member free then, as long as the longest session.
 */
function oneSlotPerStart(slots: SlotRow[]): SlotRow[] {
  const byStart = new Map<string, SlotRow>();
  for (const s of slots) {
    const seen = byStart.get(s.start);
    if (!seen) byStart.set(s.start, { ...s, modes: [...s.modes], towns: [...s.towns] });
    else {
      seen.end = Date.parse(s.end) > Date.parse(seen.end) ? s.end : seen.end;
      seen.modes = MODE_SLUGS.filter((m) => seen.modes.includes(m) || s.modes.includes(m));
      seen.towns = TOWN_SLUGS.filter((x) => seen.towns.includes(x) || s.towns.includes(x));
    }
  }
  return [...byStart.values()];
}

export function bookingPageData(request: Request, kind: "mediator" | "committee", id: number) {
  const window = calendarWindow(new URL(request.url).searchParams.get("from"));
  const view = listSlots({ kind, id, query: { from: window.from, to: window.to, mode: undefined } });
  if (!view) throw new Response(null, { status: 404 });
  const auth = getPageAuth(request);
  const viewer: Viewer = !auth ? "anonymous" : auth.user.role === "party" ? "party" : "other";
  return {
    window,
    slots: oneSlotPerStart(view.slots),
    viewer,
    // A fresh key for every form shown: a double submit of this form makes one booking.
    idempotencyKey: viewer === "party" ? `page-${crypto.randomUUID()}` : "",
  };
}

function labelList(facet: FacetName, slugs: string[], locale: Locale): string {
  return slugs.map((s) => facetLabel(facet, s, locale)).join(locale === "zh" ? "、" : ", ");
}

/** The slot that starts at `start`, as the listing shows it now (null when it is not free). */
function currentSlot(kind: "mediator" | "committee", id: number, start: string): SlotRow | null {
  const date = centreDate(start);
  const view = listSlots({ kind, id, query: { from: date, to: date, mode: undefined } });
  if (!view) throw new Response(null, { status: 404 });
  return oneSlotPerStart(view.slots).find((s) => Date.parse(s.start) === Date.parse(start)) ?? null;
}

/** POST of the order form: parties only, CSRF checked; success goes to the new booking. */
export async function bookingAction(request: Request, kind: "mediator" | "committee", id: number) {
  const auth = requirePageUser(request, ["party"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const t = messages[locale].book.errors;
  const submission = parseForm(formData, {
    schema: createBookingSchema,
    locale,
    input: (p) => ({
      ...(kind === "mediator" ? { mediatorId: id } : { committeeId: id }),
      start: text(p.start),
      mode: text(p.mode),
      // A town left chosen in the select while another mode is picked (no JavaScript) is ignored.
      town: p.mode === "onsite" ? text(p.town) : undefined,
      category: text(p.category),
      summary: typeof p.summary === "string" ? p.summary : "",
      counterpartyName: text(p.counterpartyName),
      idempotencyKey: text(p.idempotencyKey),
    }),
    messages: { start: t.chooseSlot, mode: t.chooseMode, town: t.chooseTown, category: t.chooseCategory },
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;

  // Say precisely what does not fit when the time is free but not in this mode or town (the model
  // would answer a bare 422).
  const slot = currentSlot(kind, id, input.start);
  if (slot && !slot.modes.includes(input.mode)) {
    return data(
      { result: submission.reply({ fieldErrors: { mode: [t.modeNotOffered(labelList("mode", slot.modes, locale))] } }) },
      { status: 422 },
    );
  }
  if (slot && input.mode === "onsite" && !slot.towns.includes(input.town ?? "")) {
    return data(
      { result: submission.reply({ fieldErrors: { town: [t.townNotOffered(labelList("town", slot.towns, locale))] } }) },
      { status: 422 },
    );
  }

  try {
    const { booking } = await createBookingAsync({ party: auth.user, input });
    return redirect(`/bookings/${booking.id}?created=1`);
  } catch (error) {
    if (!(error instanceof BookingError)) throw error;
    if (error.status === 404) throw new Response(null, { status: 404 });
    if (error.status === 409) return data({ result: submission.reply({ fieldErrors: { start: [t.slotTaken] } }) }, { status: 409 });
    if (error.code === "idempotency_mismatch") return data({ result: submission.reply({ formErrors: [t.alreadyUsed] }) }, { status: 422 });
    if (error.status === 422) return data({ result: submission.reply({ fieldErrors: { start: [t.notAvailable] } }) }, { status: 422 });
    return data({ result: submission.reply({ formErrors: [t.partiesOnly] }) }, { status: error.status });
  }
}

/**
 * A step on an existing booking, from the booking page or the dashboard: confirm, decline (reason),
 * cancel (reason) or reschedule (a new start). The model checks who may do what; refusals come back as
 * form errors in the page's language.
 */
export async function bookingStep(request: Request, auth: Auth, formData: FormData, bookingId: number) {
  const locale = getLocale(request);
  const t = messages[locale];
  const intent = String(formData.get("intent") ?? "");
  const reply = (result: SubmissionResult<string[]>, status: number) => data({ intent, bookingId, result }, { status });
  const user = auth.user;

  if (intent === "confirm") {
    const submission = parseForm(formData, { schema: z.object({}), locale, input: () => ({}) });
    try {
      return { ok: true as const, intent, booking: confirmBooking({ user, id: bookingId }) };
    } catch (error) {
      return refusal(error, submission, reply, t);
    }
  }
  if (intent === "decline" || intent === "cancel") {
    const submission = parseForm(formData, {
      schema: reasonSchema,
      locale,
      input: (p) => ({ reason: typeof p.reason === "string" ? p.reason : "" }),
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    try {
      const step = intent === "decline" ? declineBooking : cancelBooking;
      return { ok: true as const, intent, booking: step({ user, id: bookingId, reason: submission.value.reason }) };
    } catch (error) {
      return refusal(error, submission, reply, t);
    }
  }
  if (intent === "reschedule") {
    const submission = parseForm(formData, {
      schema: rescheduleSchema,
      locale,
      input: (p) => ({ start: text(p.start) }),
      messages: { start: t.book.errors.chooseSlot },
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    try {
      return { ok: true as const, intent, booking: rescheduleBooking({ user, id: bookingId, start: submission.value.start }) };
    } catch (error) {
      return refusal(error, submission, reply, t);
    }
  }
  throw new Response("Unknown intent", { status: 400 });
}

function refusal(
  error: unknown,
  submission: { reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
  reply: (result: SubmissionResult<string[]>, status: number) => ReturnType<typeof data>,
  t: (typeof messages)["zh"],
) {
  if (!(error instanceof BookingError)) throw error;
  if (error.status === 404) throw new Response(null, { status: 404 });
  if (error.code === "slot_taken") return reply(submission.reply({ fieldErrors: { start: [t.book.errors.slotTaken] } }), 409);
  if (error.code === "not_available") return reply(submission.reply({ fieldErrors: { start: [t.book.errors.notAvailable] } }), 422);
  if (error.code === "too_late") return reply(submission.reply({ formErrors: [t.booking.errors.tooLate] }), 409);
  if (error.status === 403) return reply(submission.reply({ formErrors: [t.booking.errors.forbidden] }), 403);
  return reply(submission.reply({ formErrors: [t.booking.errors.invalidState] }), error.status);
}
