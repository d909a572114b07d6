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
import { CATEGORY_SLUGS, CENTRE_TIMEZONE, facetLabel, type FacetName, type Locale } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { messages, type Messages } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { env } from "~/env.server";
import {
  answerProposal,
  cancelBooking,
  confirmBooking,
  declineBooking,
  proposeTime,
  rescheduleBooking,
} from "~/models/booking-actions.server";
import { createBooking } from "~/models/booking-create.server";
import { bookingFormSchema, reasonSchema, rescheduleSchema } from "~/models/booking-schemas";
import { proposeTimeSchema } from "~/models/booking-proposal-schemas";
import { holdFor, newHolderKey, placeHold, type Subject } from "~/models/slot-holds.server";

/** The propose form: a reason and the proposed start (the same start field as rescheduling). */
const proposeSchema = z.object({ ...reasonSchema.shape, ...rescheduleSchema.shape });
const holdSchema = z.object({ start: rescheduleSchema.shape.start });
import { DomainError, type ErrorCode } from "~/models/errors";
import { iso, type BookingView } from "~/models/booking-view";
import { bookableSlots, listSlots, type SlotView } from "~/models/slots-query.server";
import type { Auth } from "./auth.server";
import { STATUS_OF } from "./api-handler.server";
import { parseForm, text } from "./forms.server";
import { getPageAuth, requireCsrf, requirePageUser, requireSameOrigin } from "./session.server";

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
 * The times the mediator side may propose instead of a request's (when its viewer may decline it), or to
 * move a confirmed session to (when they may propose): the
 * same mediator's free slots in the booking's mode (and town, on site) in the calendar window.
 */
export function proposeSlots(booking: BookingView, window: CalendarWindow, now: number): SlotView[] {
  if (!booking.actions.decline && !booking.actions.propose) return [];
  const view = listSlots({
    kind: "mediator",
    id: booking.mediatorId,
    query: { from: window.from, to: window.to, mode: booking.mode },
    now,
  });
  return (view?.slots ?? []).filter((s) => booking.mode !== "onsite" || s.towns.includes(booking.town ?? ""));
}

export type Viewer = "anonymous" | "party" | "other";

// The slot hold's cookie (issue 11): a random key, sent back only to this site; the table keeps its hash.
const HOLD_COOKIE = "slot_hold";
const KEY = /^[A-Za-z0-9_-]{20,100}$/;

/** The browser's hold key, if it has a well-formed one. */
export function holdKeyOf(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === HOLD_COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      return KEY.test(value) ? value : null;
    }
  }
  return null;
}

function holdCookie(key: string, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" || env().COOKIE_SECURE === "1";
  // An hour: the hold itself lasts minutes (the table says until when); the key may be reused later.
  return `${HOLD_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600${secure ? "; Secure" : ""}`;
}

/** `?category=` from the search, when it names a category (the form's preselected dispute type). */
function categoryParam(url: URL): string | null {
  const c = url.searchParams.get("category");
  return c && (CATEGORY_SLUGS as readonly string[]).includes(c) ? c : null;
}

export function bookingPageData(request: Request, kind: "mediator" | "committee", id: number) {
  const now = Date.now();
  const url = new URL(request.url);
  const key = holdKeyOf(request);
  const hold = holdFor({ subject: { kind, id }, key, now });
  // Back from signing in: the calendar opens on the held time's fortnight.
  const fromParam = url.searchParams.get("from") ?? (hold ? localDateInZone(hold.start, CENTRE_TIMEZONE) : null);
  const window = calendarWindow(fromParam, now);
  const slots = bookableSlots({ kind, id, from: window.from, to: window.to, now, holder: key });
  if (!slots) throw new Response(null, { status: 404 });
  const auth = getPageAuth(request);
  const viewer: Viewer = !auth ? "anonymous" : auth.user.role === "party" ? "party" : "other";
  return {
    window,
    slots,
    viewer,
    // A fresh key for every form shown: a double submit of this form makes one booking.
    idempotencyKey: viewer === "party" ? `page-${crypto.randomUUID()}` : "",
    hold: hold ? { start: iso(hold.start), end: iso(hold.end), expiresAt: iso(hold.expiresAt) } : null,
    /** Sent back here after signing in, but the hold is gone (expired, or the time was booked). */
    holdGone: url.searchParams.has("held") && !hold,
    category: categoryParam(url),
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
          : d?.reason === "too_soon"
            ? { start: [t.journey.tooSoon] }
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

/**
 * A signed-out visitor's choice of time: held for them (a cookie carries the key), then on to sign in
 * or register, and back to this page with the time preselected. Same-origin only (no session yet).
 */
async function holdAction(request: Request, subject: Subject) {
  requireSameOrigin(request);
  const formData = await request.formData();
  const locale = getLocale(request);
  const t = messages[locale];
  const submission = parseForm(formData, {
    schema: holdSchema,
    locale,
    input: (p) => ({ start: text(p.start) }),
    messages: { start: t.journey.holdNeedsSlot },
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const key = holdKeyOf(request) ?? newHolderKey();
  try {
    await placeHold({ subject, start: Date.parse(submission.value.start), key, now: Date.now() });
  } catch (error) {
    const { result, status } = formRefusal(error, submission, t, locale);
    return data({ result }, { status });
  }
  const url = new URL(request.url);
  const back = new URLSearchParams({ held: "1" });
  const category = categoryParam(url) ?? text(formData.get("category"));
  if (category && (CATEGORY_SLUGS as readonly string[]).includes(category)) back.set("category", category);
  const next = encodeURIComponent(`${url.pathname}?${back}`);
  const to = formData.get("intent") === "hold-register" ? "/register" : "/login";
  return redirect(`${to}?next=${next}`, { headers: { "Set-Cookie": holdCookie(key, request) } });
}

/** POST of the order form: parties only, CSRF checked; success goes to the new booking. */
export async function bookingAction(request: Request, kind: "mediator" | "committee", id: number) {
  if (!getPageAuth(request)) return holdAction(request, { kind, id });
  const auth = requirePageUser(request, ["party"]);
  const formData = await request.formData();
  requireCsrf(request, auth, formData);
  const locale = getLocale(request);
  const t = messages[locale];
  const mode = text(formData.get("mode"));
  const submission = parseForm(formData, {
    schema: bookingFormSchema,
    locale,
    input: (p) => ({
      ...(kind === "mediator" ? { mediatorId: id } : { committeeId: id }),
      start: text(p.start),
      mode: text(p.mode),
      // Fields left filled in for another mode (no JavaScript shows them all) are ignored.
      town: mode === "onsite" ? text(p.town) : undefined,
      meetingPoint: mode === "onsite" ? text(p.meetingPoint) : undefined,
      contactPhone: mode === "onsite" ? text(p.contactPhone) : undefined,
      partyTown: mode === "centre" ? text(p.partyTown) : undefined,
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
    const { booking } = await createBooking({ party: auth.user, input: submission.value, now: Date.now(), holder: holdKeyOf(request) });
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
  if (intent === "propose-time") {
    // Another time for a confirmed session: it moves only if the party accepts.
    const submission = parseForm(formData, {
      schema: proposeTimeSchema,
      locale,
      input: (p) => ({ start: text(p.start), note: text(p.note) }),
      messages: { start: t.book.errors.chooseSlot },
    });
    if (submission.status !== "success") return reply(submission.reply(), 400);
    const { start, note } = submission.value;
    return attempt(submission, () => proposeTime({ user, id: bookingId, start, note, now }));
  }
  if (intent === "accept-proposal" || intent === "refuse-proposal") {
    const submission = parseForm(formData, { schema: z.object({}), locale, input: () => ({}) });
    return attempt(submission, () => answerProposal({ user, id: bookingId, accept: intent === "accept-proposal", now }));
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
