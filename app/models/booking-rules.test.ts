// The booking rule table, pair by pair: every event from every status, by every viewer, with its guard.
import { describe, expect, it } from "vitest";
import {
  allowedActions,
  effectiveStatus,
  judge,
  rescheduleEffect,
  type BookingEvent,
  type BookingViewer,
  type StoredStatus,
} from "./booking-rules";

const HOUR = 3_600_000;
const NOW = Date.UTC(2028, 1, 29, 0, 0); // any instant: the rules only compare times with it
const STATUSES: StoredStatus[] = ["pending", "confirmed", "declined", "expired", "cancelled"];
const VIEWERS: BookingViewer[] = ["party", "mediator", "staff"];
const EVENTS: BookingEvent[] = ["confirm", "decline", "cancel", "reschedule", "propose", "accept", "refuse"];
const ctx = { now: NOW, minNoticeHours: 24 };
// Far enough ahead for every guard; still answerable.
// Accepting or refusing needs a proposal to answer: every status carries one here, so the table shows
// the statuses and viewers alone.
const facts = (status: StoredStatus) => ({
  status,
  startAt: NOW + 72 * HOUR,
  respondBy: NOW + 12 * HOUR,
  proposedStartAt: NOW + 96 * HOUR,
});
const plain = (status: StoredStatus) => ({ status, startAt: NOW + 72 * HOUR, respondBy: NOW + 12 * HOUR });

/** Who may fire each event, and from which statuses, when no guard is in the way. */
const EXPECTED: Record<BookingEvent, { from: StoredStatus[]; by: BookingViewer[] }> = {
  confirm: { from: ["pending"], by: ["mediator", "staff"] },
  decline: { from: ["pending"], by: ["mediator", "staff"] },
  cancel: { from: ["pending", "confirmed"], by: ["party", "mediator"] },
  reschedule: { from: ["pending", "confirmed"], by: ["party"] },
  propose: { from: ["confirmed"], by: ["mediator", "staff"] },
  accept: { from: ["confirmed"], by: ["party"] },
  refuse: { from: ["confirmed"], by: ["party"] },
};

describe("the booking rule table", () => {
  for (const event of EVENTS)
    for (const status of STATUSES)
      for (const viewer of VIEWERS) {
        const e = EXPECTED[event];
        const want = !e.by.includes(viewer) ? "forbidden" : !e.from.includes(status) ? "illegal_transition" : "ok";
        it(`${event} a ${status} booking as ${viewer}: ${want}`, () => {
          const b = event === "accept" || event === "refuse" ? facts(status) : plain(status);
          const verdict = judge(event, b, viewer, ctx);
          expect(verdict.ok ? "ok" : verdict.code).toBe(want);
        });
      }
});

describe("staff acting for a mediator", () => {
  it("may answer a pending request, and nothing else; the party may not answer", () => {
    expect(judge("confirm", facts("pending"), "staff", ctx)).toEqual({ ok: true });
    expect(judge("decline", facts("pending"), "staff", ctx)).toEqual({ ok: true });
    expect(judge("confirm", facts("confirmed"), "staff", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("cancel", facts("pending"), "staff", ctx)).toEqual({ ok: false, code: "forbidden" });
    expect(judge("reschedule", facts("pending"), "staff", ctx)).toEqual({ ok: false, code: "forbidden" });
    expect(judge("confirm", facts("pending"), "party", ctx)).toEqual({ ok: false, code: "forbidden" });
    expect(judge("decline", facts("pending"), "party", ctx)).toEqual({ ok: false, code: "forbidden" });
  });

  it("may not answer a request past its deadline either", () => {
    const overdue = { status: "pending" as const, startAt: NOW + 72 * HOUR, respondBy: NOW };
    expect(judge("confirm", overdue, "staff", ctx)).toEqual({ ok: false, code: "illegal_transition" });
  });
});

describe("guards and time", () => {
  it("a pending request past its deadline reads as expired, and nothing may be done to it", () => {
    const overdue = { status: "pending" as const, startAt: NOW + 72 * HOUR, respondBy: NOW };
    expect(effectiveStatus(overdue, NOW)).toBe("expired");
    expect(effectiveStatus(overdue, NOW - 1)).toBe("pending");
    expect(judge("confirm", overdue, "mediator", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(allowedActions(overdue, "party", ctx)).toEqual({
      confirm: false,
      decline: false,
      cancel: false,
      reschedule: false,
      propose: false,
      answerProposal: false,
    });
  });

  it("rescheduling closes at the minimum notice before the start; the page is told why", () => {
    const b = { status: "confirmed" as const, startAt: NOW + 24 * HOUR, respondBy: NOW - HOUR };
    expect(judge("reschedule", b, "party", ctx)).toEqual({ ok: true });
    expect(judge("reschedule", b, "party", { ...ctx, now: NOW + 1 })).toEqual({ ok: false, code: "too_late" });
    expect(allowedActions(b, "party", { ...ctx, now: NOW + 1 }).reschedule).toBe("too_late");
  });

  it("a session that has started cannot be cancelled", () => {
    const b = { status: "confirmed" as const, startAt: NOW, respondBy: NOW - HOUR };
    expect(judge("cancel", b, "party", { ...ctx, now: NOW - 1 })).toEqual({ ok: true });
    expect(judge("cancel", b, "party", ctx)).toEqual({ ok: false, code: "too_late" });
  });

  it("lists exactly the actions each viewer may take", () => {
    const b = plain("pending");
    const none = { propose: false, answerProposal: false };
    expect(allowedActions(b, "mediator", ctx)).toEqual({ confirm: true, decline: true, cancel: true, reschedule: false, ...none });
    expect(allowedActions(b, "party", ctx)).toEqual({ confirm: false, decline: false, cancel: true, reschedule: true, ...none });
    expect(allowedActions(b, "staff", ctx)).toEqual({ confirm: true, decline: true, cancel: false, reschedule: false, ...none });
    const c = plain("confirmed");
    expect(allowedActions(c, "mediator", ctx)).toEqual({
      confirm: false,
      decline: false,
      cancel: true,
      reschedule: false,
      propose: true,
      answerProposal: false,
    });
  });
});

describe("moving a confirmed session (issue 11)", () => {
  it("keeps a confirmed session while its move is asked; replaces a request not yet answered", () => {
    expect(rescheduleEffect("confirmed")).toBe("request-change");
    expect(rescheduleEffect("pending")).toBe("replace");
  });

  it("one change at a time: no second move, and no proposal, while a move waits for its answer", () => {
    const b = { ...plain("confirmed"), openChange: true };
    expect(judge("reschedule", b, "party", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("propose", b, "mediator", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("reschedule", plain("confirmed"), "party", ctx)).toEqual({ ok: true });
  });

  it("a proposed time is answered by the party, once; while it is open the party does not move the session", () => {
    const proposed = facts("confirmed");
    expect(judge("accept", proposed, "party", ctx)).toEqual({ ok: true });
    expect(judge("refuse", proposed, "party", ctx)).toEqual({ ok: true });
    expect(judge("accept", proposed, "mediator", ctx)).toEqual({ ok: false, code: "forbidden" });
    expect(judge("accept", plain("confirmed"), "party", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("refuse", { ...proposed, proposedStartAt: null }, "party", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("reschedule", proposed, "party", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(judge("propose", proposed, "staff", ctx)).toEqual({ ok: false, code: "illegal_transition" });
    expect(allowedActions(proposed, "party", ctx).answerProposal).toBe(true);
  });

  it("the mediator may propose until the minimum notice before the session", () => {
    const b = { ...plain("confirmed"), startAt: NOW + 24 * HOUR };
    expect(judge("propose", b, "mediator", ctx)).toEqual({ ok: true });
    expect(judge("propose", b, "mediator", { ...ctx, now: NOW + 1 })).toEqual({ ok: false, code: "too_late" });
  });

  it("a proposal for a session that has begun can no longer be accepted", () => {
    const b = { ...facts("confirmed"), startAt: NOW };
    expect(judge("accept", b, "party", { ...ctx, now: NOW - 1 })).toEqual({ ok: true });
    expect(judge("accept", b, "party", ctx)).toEqual({ ok: false, code: "too_late" });
  });
});
