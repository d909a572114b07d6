// The booking pages of a mediator (/mediators/:id/book) and of a committee (/committees/:id/book)
// share everything but the subject: the two-week window of free slots, who may order, and the order
// form's action. The booking detail page's reschedule calendar uses the same window. Refusals come
// from the model as domain errors; `formRefusal` is the one place that words them for a page.
import crypto from "node:crypto";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { DateTime } from "luxon";
import { z } from "zod";
import type { CalendarWindow } from "~/components/slot-calendar";
import { CENTRE_TIMEZONE, facetLabel, type FacetName, type Locale } from "../../domain";
import { messages, type Messages } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { cancelBooking, confirmBooking, declineBooking, rescheduleBooking } from "~/models/booking-actions.server";
import { createBooking } from "~/models/booking-create.server";
import { createBookingSchema, reasonSchema, rescheduleSchema } from "~/models/booking-schemas";

/** The propose form: a reason and the proposed start (the same start field as rescheduling). */
const proposeSchema = z.object({ ...reasonSchema.shape, ...rescheduleSchema.shape });
import { DomainError, type ErrorCode } from "~/models/errors";
import type { BookingView } from "~/models/booking-view";
import { bookableSlots, listSlots, type SlotView } from "~/models/slots-query.server";
import type { Auth } from "./auth.server";
import { STATUS_OF } from "./api-handler.server";
import { parseForm, text } from "./forms.server";
import { getPageAuth, requireCsrf, requirePageUser } from "./session.server";

export const WINDOW_DAYS = 14;
/** How far ahead the calendar pages (the longest horizon a mediator may set). */
const MAX_AHEAD_DAYS = 365;

/** Two weeks from `?from=YYYY-MM-DD` (today at the centre when absent, in the past or not a date). */
export function calendarWindow(fromParam: string | null, now: number): CalendarWindow {
  const today = DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE }).startOf("day");
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

/**
 * The times the mediator side may propose instead of a request's (when its viewer may decline it): the
 * same mediator's free slots in the booking's mode (and town, on site) in the calendar window.
 */
export function proposeSlots(booking: BookingView, window: CalendarWindow, now: number): SlotView[] {
  if (!booking.actions.decline) return [];
  const view = listSlots({
    kind: "mediator",
    id: booking.mediatorId,
    query: { from: window.from, to: window.to, mode: booking.mode },
    now,
  });
  return (view?.slots ?? []).filter((s) => booking.mode !== "onsite" || s.towns.includes(booking.town ?? ""));
}

export type Viewer = "anonymous" | "party" | "other";

export function bookingPageData(request: Request, kind: "mediator" | "committee", id: number) {
  const now = Date.now();
  const window = calendarWindow(new URL(request.url).searchParams.get("from"), now);
  const slots = bookableSlots({ kind, id, from: window.from, to: window.to, now });
  if (!slots) throw new Response(null, { status: 404 });
  const auth = getPageAuth(request);
  const viewer: Viewer = !auth ? "anonymous" : auth.user.role === "party" ? "party" : "other";
  return {
    window,
    slots,
    viewer,
    // A fresh key for every form shown: a double submit of this form makes one booking.
    idempotencyKey: viewer === "party" ? `page-${crypto.randomUUID()}` : "",
  };
}

function labelList(facet: FacetName, slugs: string[], locale: Locale): string {
  return slugs.map((s) => facetLabel(facet, s, locale)).join(locale === "zh" ? "、" : ", ");
}

type Reply = { reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> };

/** A domain error in the page's words, on the field it concerns. Not-found is the page's 404. */
export function formRefusal(error: unknown, submission: Reply, t: Messages, locale: Locale) {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === "not_found") throw new Response(null, { status: 404 });
  const d = error.detail;
  const field: Record<string, string[]> | undefined =
    d?.reason === "mode_not_offered"
      ? { mode: [t.book.errors.modeNotOffered(labelList("mode", d.offered, locale))] }
      : d?.reason === "town_not_offered"
        ? { town: [t.book.errors.townNotOffered(labelList("town", d.offered, locale))] }
        : error.code === "slot_taken"
          ? { start: [t.book.errors.slotTaken] }
          : error.code === "not_available"
            ? { start: [t.book.errors.notAvailable] }
            : undefined;
  const form: Partial<Record<ErrorCode, string>> = {
    idempotency_mismatch: t.book.errors.alreadyUsed,
    too_late: t.booking.errors.tooLate,
    forbidden: t.booking.errors.forbidden,
    illegal_transition: t.booking.errors.invalidState,
  };
  const result = field
    ? submission.reply({ fieldErrors: field })
    : submission.reply({ formErrors: [form[error.code] ?? t.booking.errors.invalidState] });
  return { result, status: STATUS_OF[error.code] };
}

/** POST of the order form: parties only, CSRF checked; success goes to the new booking. */
export async function bookingAction(request: Request, kind: "mediator" | "committee", id: number) {
  const auth = requirePageUser(request, ["party"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const t = messages[locale];
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
      counterpartyPhone: text(p.counterpartyPhone),
      idempotencyKey: text(p.idempotencyKey),
    }),
    messages: {
      start: t.book.errors.chooseSlot,
      mode: t.book.errors.chooseMode,
      town: t.book.errors.chooseTown,
      category: t.book.errors.chooseCategory,
    },
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { booking } = await createBooking({ party: auth.user, input: submission.value, now: Date.now() });
    return redirect(`/bookings/${booking.id}?created=1`);
  } catch (error) {
    const { result, status } = formRefusal(error, submission, t, locale);
    return data({ result }, { status });
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
  const now = Date.now();
  const attempt = async <T>(submission: Reply, run: () => Promise<T>) => {
    try {
      return { ok: true as const, intent, booking: await run() };
    } catch (error) {
      const { result, status } = formRefusal(error, submission, t, locale);
      return reply(result, status);
    }
  };

  if (intent === "confirm") {
    const submission = parseForm(formData, { schema: z.object({}), locale, input: () => ({}) });
    return attempt(submission, () => confirmBooking({ user, id: bookingId, now }));
  }
  if (intent === "decline" || intent === "cancel") {
    const submission = parseForm(formData, {
      schema: reasonSchema,
      locale,
      input: (p) => ({ reason: typeof p.reason === "string" ? p.reason : "" }),
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const step = intent === "decline" ? declineBooking : cancelBooking;
    return attempt(submission, () => step({ user, id: bookingId, reason: submission.value.reason, now }));
  }
  if (intent === "propose") {
    // Decline this time and propose another free slot of the same mediator (the party may book it).
    const submission = parseForm(formData, {
      schema: proposeSchema,
      locale,
      input: (p) => ({ reason: typeof p.reason === "string" ? p.reason : "", start: text(p.start) }),
      messages: { start: t.book.errors.chooseSlot },
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const { reason, start } = submission.value;
    return attempt(submission, () => declineBooking({ user, id: bookingId, reason, proposedStart: start, now }));
  }
  if (intent === "reschedule") {
    const submission = parseForm(formData, {
      schema: rescheduleSchema,
      locale,
      input: (p) => ({ start: text(p.start) }),
      messages: { start: t.book.errors.chooseSlot },
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    return attempt(submission, () => rescheduleBooking({ user, id: bookingId, start: submission.value.start, now }));
  }
  throw new Response("Unknown intent", { status: 400 });
}
