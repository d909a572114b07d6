// The staff work queue (issue 9, ADR 022): each reason appears when the rows say so and leaves when they
// change, judged as of the `now` passed in (never the clock: these hold on any date). Cases are hand-built
// rows; every test files its cases under a category of its own and reads the queue filtered by it, so the
// tests do not see each other's cases.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookings, cases, caseAssignments, recusals } from "../../db/schema";
import type { CategorySlug, QueueReason } from "../../domain";
import {
  at,
  createAccount,
  createAssignment,
  createBooking,
  createCommittee,
  createMediator,
  createParty,
  createQueueCase,
  createRecusal,
  createStaff,
} from "../factories";

const db = openDb(freshDatabase());
const { workQueue, workQueueQuerySchema } = await import("~/models/work-queue.server");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const staff = createStaff(db, { token: false });
const party = createParty(db, { token: false });
const iso = (ms: number) => new Date(ms).toISOString();
/** The clock to the second: the API's instants carry no milliseconds. */
const clock = () => Math.floor(Date.now() / 1000) * 1000;

type Query = Partial<Record<"reason" | "category" | "town" | "channel" | "page" | "perPage", string | number>>;
const queue = (now: number, q: Query = {}) => workQueue({ user: staff.user, query: workQueueQuerySchema.parse(q), now });
/** The case's reasons in the queue of its category as of `now`. */
function reasonsOf(now: number, category: CategorySlug, caseId: number): QueueReason[] {
  return queue(now, { category, perPage: 100 })
    .items.filter((i) => i.caseId === caseId)
    .map((i) => i.reason)
    .sort();
}
/** The code of the DomainError `f` throws, or null. */
function refusal(f: () => unknown): string | null {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code ?? "not a domain error";
  }
  return null;
}
/** Far enough from any due date that only the track's reason shows. */
const noDue = { dueAt: null } as const;

describe("the assignment track", () => {
  it("no-mediator, then held by a booking, then pick-declined / pick-expired from today's bookings, then gone once agreed", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], now });
    const c = createQueueCase(db, { category: "medical", createdAt: now - 5 * DAY, ...noDue });
    expect(reasonsOf(now, "medical", c.id)).toEqual(["no-mediator"]);
    const item = queue(now, { category: "medical" }).items.find((i) => i.caseId === c.id)!;
    expect(Date.parse(item.since)).toBe(now - 5 * DAY);
    expect(item.since).toMatch(/\+08:00$/);

    const b = createBooking(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      caseId: c.id,
      start: at(now, 5, "10:00"),
      respondBy: now + HOUR,
      now,
    });
    expect(reasonsOf(now, "medical", c.id)).toEqual([]);
    // The same pending request past its answer time reads as expired, before the job records it.
    expect(reasonsOf(now + 2 * HOUR, "medical", c.id)).toEqual(["pick-expired"]);
    expect(Date.parse(queue(now + 2 * HOUR, { category: "medical" }).items.find((i) => i.caseId === c.id)!.since)).toBe(now + HOUR);

    db.update(bookings)
      .set({ status: "declined", updatedAt: new Date(now - HOUR) })
      .where(eq(bookings.id, b.id))
      .run();
    expect(reasonsOf(now, "medical", c.id)).toEqual(["pick-declined"]);
    expect(Date.parse(queue(now, { category: "medical" }).items.find((i) => i.caseId === c.id)!.since)).toBe(now - HOUR);
    // Another request that holds: nothing to do.
    const again = createBooking(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      caseId: c.id,
      start: at(now, 6, "10:00"),
      status: "confirmed",
      now,
    });
    expect(reasonsOf(now, "medical", c.id)).toEqual([]);
    db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, again.id)).run();
    expect(reasonsOf(now, "medical", c.id)).toEqual(["no-mediator"]);
    db.update(cases).set({ mediatorId: m.id, status: "mediator-agreed" }).where(eq(cases.id, c.id)).run();
    expect(reasonsOf(now, "medical", c.id)).toEqual([]);
  });

  it("the latest assignment decides: asked holds, then expired, declined, recused; a newer ask takes it out; accepted holds", () => {
    const now = clock();
    const [m1, m2] = [createMediator(db, { modes: ["online"], now }), createMediator(db, { modes: ["online"], now })];
    const c = createQueueCase(db, { category: "labour", createdAt: now - 3 * DAY, ...noDue });
    const first = createAssignment(db, { caseId: c.id, mediatorId: m1.id, pickRank: 1, decidedAt: now - 2 * DAY, respondBy: now - DAY });
    // Asked, and its answer time has passed: expired as of now, asked as of the day before.
    expect(reasonsOf(now, "labour", c.id)).toEqual(["pick-expired"]);
    expect(reasonsOf(now - 1.5 * DAY, "labour", c.id)).toEqual([]);
    db.update(caseAssignments)
      .set({ status: "declined", answeredAt: now - 1.5 * DAY })
      .where(eq(caseAssignments.id, first.id))
      .run();
    expect(reasonsOf(now, "labour", c.id)).toEqual(["pick-declined"]);
    expect(Date.parse(queue(now, { category: "labour", reason: "pick-declined" }).items.find((i) => i.caseId === c.id)!.since)).toBe(
      now - 1.5 * DAY,
    );
    db.update(caseAssignments).set({ status: "recused" }).where(eq(caseAssignments.id, first.id)).run();
    expect(reasonsOf(now, "labour", c.id)).toEqual(["pick-recused"]);
    const second = createAssignment(db, { caseId: c.id, mediatorId: m2.id, pickRank: 2, decidedAt: now - HOUR, respondBy: now + DAY });
    expect(reasonsOf(now, "labour", c.id)).toEqual([]);
    db.update(caseAssignments).set({ status: "accepted", answeredAt: now }).where(eq(caseAssignments.id, second.id)).run();
    expect(reasonsOf(now, "labour", c.id)).toEqual([]);
    // An assignment row outranks the bookings: a declined booking does not bring the case back.
    createBooking(db, { partyUserId: party.user.id, mediatorId: m2.id, caseId: c.id, start: at(now, 7, "10:00"), now });
    db.update(bookings).set({ status: "declined" }).where(eq(bookings.caseId, c.id)).run();
    expect(reasonsOf(now, "labour", c.id)).toEqual([]);
  });

  it("committee-waiting: a committee order pending without a member's answer, by booking or by assignment", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], now });
    const committee = createCommittee(db, { members: [m.id] });
    const c = createQueueCase(db, { category: "maritime-fishery", committeeId: committee.id, createdAt: now - 2 * DAY, ...noDue });
    const b = createBooking(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      committeeId: committee.id,
      caseId: c.id,
      start: at(now, 5, "15:00"),
      respondBy: now + 2 * HOUR,
      now,
    });
    db.update(bookings)
      .set({ createdAt: new Date(now - DAY) })
      .where(eq(bookings.id, b.id))
      .run();
    expect(reasonsOf(now, "maritime-fishery", c.id)).toEqual(["committee-waiting"]);
    expect(Date.parse(queue(now, { category: "maritime-fishery" }).items.find((i) => i.caseId === c.id)!.since)).toBe(now - DAY);
    // The member answered: no longer waiting.
    db.update(bookings).set({ status: "confirmed" }).where(eq(bookings.id, b.id)).run();
    expect(reasonsOf(now, "maritime-fishery", c.id)).toEqual([]);
    // Nobody answered in time.
    db.update(bookings).set({ status: "pending" }).where(eq(bookings.id, b.id)).run();
    expect(reasonsOf(now + 3 * HOUR, "maritime-fishery", c.id)).toEqual(["pick-expired"]);

    // The fallback's committee assignment (a member asked within the committee) waits the same way.
    const d = createQueueCase(db, { category: "maritime-fishery", committeeId: committee.id, createdAt: now - DAY, ...noDue });
    createAssignment(db, { caseId: d.id, mediatorId: m.id, committeeId: committee.id, rule: "committee-member", decidedAt: now - HOUR });
    expect(reasonsOf(now, "maritime-fishery", d.id)).toEqual(["committee-waiting"]);
  });

  it("general-window while no one mediates it (not no-mediator); gone once someone does or it closes", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], now });
    const c = createQueueCase(db, { category: "neighbourhood", createdAt: now - 4 * DAY, generalWindowAt: now - DAY, ...noDue });
    expect(reasonsOf(now, "neighbourhood", c.id)).toEqual(["general-window"]);
    expect(Date.parse(queue(now, { category: "neighbourhood" }).items[0].since)).toBe(now - DAY);
    db.update(cases).set({ mediatorId: m.id }).where(eq(cases.id, c.id)).run();
    expect(reasonsOf(now, "neighbourhood", c.id)).toEqual([]);
    const closed = createQueueCase(db, {
      category: "neighbourhood",
      status: "closed",
      createdAt: now - DAY,
      generalWindowAt: now - HOUR,
      ...noDue,
    });
    expect(reasonsOf(now, "neighbourhood", closed.id)).toEqual([]);
  });

  it("pre-litigation while flagged and nothing held; the team's ask takes it out", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], now });
    const c = createQueueCase(db, { category: "contract-debt", createdAt: now - 2 * DAY, preLitigationAt: now - HOUR, ...noDue });
    expect(reasonsOf(now, "contract-debt", c.id)).toEqual(["pre-litigation"]);
    createAssignment(db, { caseId: c.id, mediatorId: m.id, rule: "staff-choice", decidedAt: now - 1000 });
    expect(reasonsOf(now, "contract-debt", c.id)).toEqual([]);
  });
});

describe("beside the track", () => {
  it("due-soon within three days, overdue past it, neither for a closed case; a case can be in several reasons", () => {
    const now = clock();
    const soon = createQueueCase(db, { category: "consumer", createdAt: now - 10 * DAY, dueAt: now + 2 * DAY });
    const late = createQueueCase(db, { category: "consumer", createdAt: now - 40 * DAY, dueAt: now - HOUR });
    const later = createQueueCase(db, { category: "consumer", createdAt: now - DAY, dueAt: now + 4 * DAY });
    const closed = createQueueCase(db, { category: "consumer", status: "closed", createdAt: now - 40 * DAY, dueAt: now - DAY });
    expect(reasonsOf(now, "consumer", soon.id)).toEqual(["due-soon", "no-mediator"]);
    expect(reasonsOf(now, "consumer", late.id)).toEqual(["no-mediator", "overdue"]);
    expect(reasonsOf(now, "consumer", later.id)).toEqual(["no-mediator"]);
    expect(reasonsOf(now, "consumer", closed.id)).toEqual([]);
    // A day and a half later the first is overdue too, and the third comes due.
    expect(reasonsOf(now + 2.5 * DAY, "consumer", soon.id)).toEqual(["no-mediator", "overdue"]);
    expect(reasonsOf(now + 2.5 * DAY, "consumer", later.id)).toEqual(["due-soon", "no-mediator"]);
    const due = queue(now, { category: "consumer", reason: "due-soon" }).items;
    expect(due.map((i) => [i.caseId, Date.parse(i.since)])).toEqual([[soon.id, now - DAY]]);
    expect(queue(now, { category: "consumer", reason: "overdue" }).items.map((i) => Date.parse(i.since))).toEqual([now - HOUR]);
    const counts = queue(now, { category: "consumer" }).counts;
    expect([counts["no-mediator"], counts["due-soon"], counts.overdue, counts["general-window"]]).toEqual([3, 1, 1, 0]);
  });

  it("recusal-requested: a party's request awaiting staff, not a mediator's own nor one decided", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], now });
    const c = createQueueCase(db, { category: "tourism", mediatorId: m.id, status: "mediator-agreed", createdAt: now - 3 * DAY, ...noDue });
    expect(reasonsOf(now, "tourism", c.id)).toEqual([]);
    const own = createRecusal(db, { caseId: c.id, mediatorId: m.id, requestedBy: "mediator", at: now - DAY });
    expect(reasonsOf(now, "tourism", c.id)).toEqual([]);
    const asked = createRecusal(db, { caseId: c.id, mediatorId: m.id, at: now - 2 * HOUR });
    expect(reasonsOf(now, "tourism", c.id)).toEqual(["recusal-requested"]);
    expect(Date.parse(queue(now, { category: "tourism" }).items[0].since)).toBe(now - 2 * HOUR);
    db.update(recusals).set({ status: "refused", decidedAt: now }).where(eq(recusals.id, asked.id)).run();
    expect(reasonsOf(now, "tourism", c.id)).toEqual([]);
    expect(own.id).toBeGreaterThan(0);
  });
});

describe("filters, counts, order and pages", () => {
  it("oldest first across reasons; category, town and channel filter; counts ignore the reason filter; pages", () => {
    const now = clock();
    const made = [
      createQueueCase(db, { category: "environment", town: "liuheng", channel: "online", createdAt: now - 9 * DAY, ...noDue }),
      createQueueCase(db, { category: "environment", town: "liuheng", channel: "window", createdAt: now - 7 * DAY, ...noDue }),
      createQueueCase(db, { category: "environment", town: "taohua", channel: "window", createdAt: now - 8 * DAY, ...noDue }),
      createQueueCase(db, { category: "environment", town: null, createdAt: now - 20 * DAY, generalWindowAt: now - 6 * DAY, ...noDue }),
      createQueueCase(db, { category: "environment", town: "liuheng", createdAt: now - 50 * DAY, dueAt: now - 10 * DAY }),
    ];
    const all = queue(now, { category: "environment" });
    expect(all.items.map((i) => [i.caseId, i.reason])).toEqual([
      [made[4].id, "no-mediator"],
      [made[4].id, "overdue"],
      [made[0].id, "no-mediator"],
      [made[2].id, "no-mediator"],
      [made[1].id, "no-mediator"],
      [made[3].id, "general-window"],
    ]);
    expect(all.total).toBe(6);
    expect(all.items[2]).toMatchObject({ category: "environment", town: "liuheng", channel: "online", severity: "simple", dueAt: null });

    const liuheng = queue(now, { category: "environment", town: "liuheng" });
    expect(liuheng.items.map((i) => i.caseId)).toEqual([made[4].id, made[4].id, made[0].id, made[1].id]);
    expect(queue(now, { category: "environment", channel: "window" }).items.map((i) => i.caseId)).toEqual([made[2].id, made[1].id]);

    const noMediator = queue(now, { category: "environment", reason: "no-mediator" });
    expect(noMediator.total).toBe(4);
    expect(noMediator.counts).toMatchObject({ "no-mediator": 4, overdue: 1, "general-window": 1, "pre-litigation": 0 });

    const page1 = queue(now, { category: "environment", perPage: 4 });
    const page2 = queue(now, { category: "environment", perPage: 4, page: 2 });
    expect([page1.pages, page1.items.length, page2.items.length]).toEqual([2, 4, 2]);
    expect([...page1.items, ...page2.items]).toEqual(all.items);
    expect(queue(now, { category: "environment", page: 9 }).items).toEqual([]);
  });

  it("the query refuses what is not a filter", () => {
    expect(workQueueQuerySchema.safeParse({ reason: "nobody" }).success).toBe(false);
    expect(workQueueQuerySchema.safeParse({ perPage: "101" }).success).toBe(false);
    expect(workQueueQuerySchema.safeParse({ sort: "newest" }).success).toBe(false);
    expect(workQueueQuerySchema.parse({})).toEqual({ page: 1, perPage: 20 });
  });

  it("is the centre's staff's: a party and a mediator are refused in the model; an admin reads it", () => {
    const now = clock();
    const m = createMediator(db, { modes: ["online"], account: { token: false }, now });
    const query = workQueueQuerySchema.parse({});
    expect(refusal(() => workQueue({ user: party.user, query, now }))).toBe("forbidden");
    expect(refusal(() => workQueue({ user: m.account!.user, query, now }))).toBe("forbidden");
    const admin = createAccount(db, "admin", { token: false });
    expect(workQueue({ user: admin.user, query, now }).page).toBe(1);
  });

  it("holds on any date: the same rows give the same queue years apart", () => {
    for (const base of [Date.UTC(2024, 1, 29, 15, 59), Date.UTC(2031, 11, 31, 16, 30)]) {
      const c = createQueueCase(db, { category: "construction", createdAt: base - DAY, dueAt: base + DAY });
      expect(reasonsOf(base, "construction", c.id)).toEqual(["due-soon", "no-mediator"]);
      expect(iso(Date.parse(queue(base, { category: "construction", reason: "due-soon" }).items.at(-1)!.since))).toBe(iso(base - DAY));
      db.update(cases).set({ status: "closed" }).where(eq(cases.id, c.id)).run();
    }
  });
});
