// What may happen to a booking, as a pure table (no I/O, time passed in): which statuses an event
// leaves from, who may fire it, and its guard. The write paths check it inside their transaction and
// the booking view lists the actions it allows, so a page never recomputes a rule.
import { DomainError } from "./errors";

export const HOLDING = ["pending", "confirmed"] as const;
export type StoredStatus = "pending" | "confirmed" | "declined" | "expired" | "cancelled";
/** Who is looking at a booking, relative to it. */
export type BookingViewer = "party" | "mediator" | "staff";
/**
 * `propose`: the mediator side proposes another time for a confirmed session; the party `accept`s it
 * (the session moves, confirmed at once) or `refuse`s it (the session stays as it is).
 */
export type BookingEvent = "confirm" | "decline" | "cancel" | "reschedule" | "propose" | "accept" | "refuse";

export interface BookingFacts {
  status: StoredStatus;
  startAt: number;
  respondBy: number;
  /** A confirmed session's move that still waits for the mediator's answer (a pending booking rescheduled from it). */
  openChange?: boolean;
  /** A time the mediator proposed for this confirmed session, not yet answered by the party. */
  proposedStartAt?: number | null;
}

/**
 * What rescheduling does to the booking it moves. A confirmed session keeps its time until the mediator
 * confirms the new one (a decline, or no answer, leaves it standing); a request not yet answered is
 * simply replaced, since it holds nothing the party could lose.
 */
export function rescheduleEffect(status: StoredStatus): "request-change" | "replace" {
  return status === "confirmed" ? "request-change" : "replace";
}

/**
 * The status as of `now`: a pending request past its answer deadline reads as expired even before the
 * background job has written that down, so reads never need to write.
 */
export function effectiveStatus(b: BookingFacts, now: number): StoredStatus {
  return b.status === "pending" && b.respondBy <= now ? "expired" : b.status;
}

interface Rule {
  from: readonly StoredStatus[];
  by: readonly BookingViewer[];
  /** Null when allowed; otherwise the refusal's code. */
  guard?: (b: BookingFacts, ctx: { now: number; minNoticeHours: number }) => "too_late" | "illegal_transition" | null;
}

const insideNotice = (b: BookingFacts, { now, minNoticeHours }: { now: number; minNoticeHours: number }) =>
  b.startAt - minNoticeHours * 3_600_000 < now;
const proposalOpen = (b: BookingFacts) => b.proposedStartAt !== undefined && b.proposedStartAt !== null;

const RULES: Record<BookingEvent, Rule> = {
  // Staff answer for a mediator who has no account or cannot be reached online (issue 9); the
  // booking records who did (bookings.acted_by_user_id).
  confirm: { from: ["pending"], by: ["mediator", "staff"] },
  decline: { from: ["pending"], by: ["mediator", "staff"] },
  // A session that has begun is held or it is over; cancelling it then means nothing.
  cancel: { from: HOLDING, by: ["party", "mediator"], guard: (b, { now }) => (b.startAt <= now ? "too_late" : null) },
  // Moving a session is allowed until the mediator's minimum notice before the original start, one
  // move at a time: while a move waits for its answer the party changes that request instead.
  reschedule: {
    from: HOLDING,
    by: ["party"],
    guard: (b, ctx) => (insideNotice(b, ctx) ? "too_late" : b.openChange || proposalOpen(b) ? "illegal_transition" : null),
  },
  propose: {
    from: ["confirmed"],
    by: ["mediator", "staff"],
    guard: (b, ctx) => (insideNotice(b, ctx) ? "too_late" : b.openChange || proposalOpen(b) ? "illegal_transition" : null),
  },
  // The proposed time is checked to be still free when it is accepted (the model's transaction).
  accept: {
    from: ["confirmed"],
    by: ["party"],
    guard: (b, { now }) => (!proposalOpen(b) ? "illegal_transition" : b.startAt <= now ? "too_late" : null),
  },
  refuse: { from: ["confirmed"], by: ["party"], guard: (b) => (!proposalOpen(b) ? "illegal_transition" : null) },
};

export type Verdict = { ok: true } | { ok: false; code: "forbidden" | "illegal_transition" | "too_late" };

export function judge(event: BookingEvent, b: BookingFacts, viewer: BookingViewer, ctx: { now: number; minNoticeHours: number }): Verdict {
  const rule = RULES[event];
  if (!rule.by.includes(viewer)) return { ok: false, code: "forbidden" };
  if (!rule.from.includes(effectiveStatus(b, ctx.now))) return { ok: false, code: "illegal_transition" };
  const refused = rule.guard?.(b, ctx) ?? null;
  return refused ? { ok: false, code: refused } : { ok: true };
}

const PAST: Record<BookingEvent, string> = {
  confirm: "confirmed",
  decline: "declined",
  cancel: "cancelled",
  reschedule: "rescheduled",
  propose: "given another proposed time",
  accept: "moved to a proposed time",
  refuse: "answered about a proposed time",
};

const MESSAGES: Record<Exclude<Verdict, { ok: true }>["code"], (event: BookingEvent, status: StoredStatus) => string> = {
  forbidden: (event) => `You may not ${event} this booking`,
  illegal_transition: (event, status) =>
    status === "confirmed" && (event === "reschedule" || event === "propose")
      ? "A change of this session already waits for an answer"
      : `A ${status} booking cannot be ${PAST[event]}`,
  too_late: (event) =>
    event === "cancel" || event === "accept"
      ? "A session that has started cannot be changed"
      : "Too close to the session to reschedule; cancel instead or contact the centre",
};

/** Throws the refusal as a domain error; used by the write paths inside their transaction. */
export function assertAllowed(event: BookingEvent, b: BookingFacts, viewer: BookingViewer, ctx: { now: number; minNoticeHours: number }) {
  const verdict = judge(event, b, viewer, ctx);
  if (!verdict.ok) throw new DomainError(verdict.code, MESSAGES[verdict.code](event, effectiveStatus(b, ctx.now)));
}

export interface BookingActions {
  confirm: boolean;
  decline: boolean;
  cancel: boolean;
  /** "too_late" lets the page say why the party can no longer move it. */
  reschedule: boolean | "too_late";
  propose: boolean;
  /** Accept or refuse the mediator's proposed time. */
  answerProposal: boolean;
}

/** Every action the viewer may take now, for the page to render. */
export function allowedActions(b: BookingFacts, viewer: BookingViewer, ctx: { now: number; minNoticeHours: number }): BookingActions {
  const ok = (e: BookingEvent) => judge(e, b, viewer, ctx).ok;
  const move = judge("reschedule", b, viewer, ctx);
  return {
    confirm: ok("confirm"),
    decline: ok("decline"),
    cancel: ok("cancel"),
    reschedule: move.ok ? true : move.code === "too_late" ? "too_late" : false,
    propose: ok("propose"),
    answerProposal: ok("accept"),
  };
}
