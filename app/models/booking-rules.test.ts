// The booking rule table, pair by pair: every event from every status, by every viewer, with its guard.
import { describe, expect, it } from "vitest";
import { allowedActions, effectiveStatus, judge, type BookingEvent, type BookingViewer, type StoredStatus } from "./booking-rules";

const HOUR = 3_600_000;
const NOW = Date.UTC(2028, 1, 29, 0, 0); // any instant: the rules only compare times with it
const STATUSES: StoredStatus[] = ["pending", "confirmed", "declined", "expired", "cancelled"];
const VIEWERS: BookingViewer[] = ["party", "mediator", "staff"];
const EVENTS: BookingEvent[] = ["confirm", "decline", "cancel", "reschedule"];
const ctx = { now: NOW, minNoticeHours: 24 };
// Far enough ahead for every guard; still answerable.
const facts = (status: StoredStatus) => ({ status, startAt: NOW + 72 * HOUR, respondBy: NOW + 12 * HOUR });

/** Who may fire each event, and from which statuses, when no guard is in the way. */
const EXPECTED: Record<BookingEvent, { from: StoredStatus[]; by: BookingViewer[] }> = {
  confirm: { from: ["pending"], by: ["mediator", "staff"] },
  decline: { from: ["pending"], by: ["mediator", "staff"] },
  cancel: { from: ["pending", "confirmed"], by: ["party", "mediator"] },
  reschedule: { from: ["pending", "confirmed"], by: ["party"] },
};

describe("the booking rule table", () => {
  for (const event of EVENTS)
    for (const status of STATUSES)
      for (const viewer of VIEWERS) {
        const e = EXPECTED[event];
        const want = !e.by.includes(viewer) ? "forbidden" : !e.from.includes(status) ? "illegal_transition" : "ok";
        it(`${event} a ${status} booking as ${viewer}: ${want}`, () => {
          const verdict = judge(event, facts(status), viewer, ctx);
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
    expect(allowedActions(overdue, "party", ctx)).toEqual({ confirm: false, decline: false, cancel: false, reschedule: false });
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
    const b = facts("pending");
    expect(allowedActions(b, "mediator", ctx)).toEqual({ confirm: true, decline: true, cancel: true, reschedule: false });
    expect(allowedActions(b, "party", ctx)).toEqual({ confirm: false, decline: false, cancel: true, reschedule: true });
    expect(allowedActions(b, "staff", ctx)).toEqual({ confirm: true, decline: true, cancel: false, reschedule: false });
  });
});
