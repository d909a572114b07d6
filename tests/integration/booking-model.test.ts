// The booking model read and written directly, with data made by the factories and `now` passed in:
// paging in a bounded number of queries, reads that never write, refusals that say why, and
// notifications written as templates and rendered in each recipient's language.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookings, notifications, users } from "../../db/schema";
import { at, createBooking, createMediator, createParty, createStaff, firstFreeSlot, freeSlots } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const { listBookings, getBooking } = await import("~/models/bookings.server");
const { createBooking: order } = await import("~/models/booking-create.server");
const { confirmBooking } = await import("~/models/booking-actions.server");
const { deliverPending, devProvider } = await import("~/models/notifications.server");
const { renderNotification } = await import("~/i18n/notifications");
const { whenWords } = await import("~/i18n/when");
const { DomainError } = await import("~/models/errors");

const HOUR = 3_600_000;

/** How many statements `fn` runs on this connection (every query of the models is a statement). */
function statementsRun(fn: () => void): number {
  const proto = Object.getPrototypeOf(db.$client.prepare("select 1"));
  let n = 0;
  const originals = { all: proto.all, get: proto.get, run: proto.run };
  for (const name of ["all", "get", "run"] as const)
    proto[name] = function (this: unknown, ...args: unknown[]) {
      n++;
      return originals[name].apply(this, args);
    };
  try {
    fn();
  } finally {
    Object.assign(proto, originals);
  }
  return n;
}

describe("listing bookings", () => {
  it("pages 123 bookings with totals, in two queries whatever the page size; staff see them too", () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], bufferMinutes: 0, dailyCap: 24, now });
    const party = createParty(db);
    const slots = freeSlots(db, m.id, { now, mode: "online", days: 14 }).slice(0, 123);
    expect(slots).toHaveLength(123);
    for (const s of slots) createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: s.start, now });

    const pages = [1, 2, 3].map((page) => listBookings({ user: party.user, page: { page, perPage: 50 }, now }));
    expect(pages.map((p) => p.bookings.length)).toEqual([50, 50, 23]);
    expect(pages.every((p) => p.total === 123)).toBe(true);
    const ids = pages.flatMap((p) => p.bookings.map((b) => b.id));
    expect(new Set(ids).size).toBe(123);
    // Newest session first across the pages.
    const starts = pages.flatMap((p) => p.bookings.map((b) => Date.parse(b.start)));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));

    expect(statementsRun(() => listBookings({ user: party.user, page: { page: 1, perPage: 100 }, now }))).toBe(2);
    expect(statementsRun(() => listBookings({ user: party.user, page: { page: 2, perPage: 5 }, now }))).toBe(2);

    const staff = createStaff(db);
    expect(listBookings({ user: staff.user, page: { page: 1, perPage: 10 }, now }).total).toBeGreaterThanOrEqual(123);
    const other = createParty(db);
    expect(listBookings({ user: other.user, page: { page: 1, perPage: 10 }, now })).toEqual({
      bookings: [],
      total: 0,
      page: 1,
      perPage: 10,
    });
  });
});

describe("reading a booking", () => {
  it("reads an overdue request as expired without writing anything", () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db);
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const b = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: slot.start, respondBy: now + HOUR, now });
    expect(getBooking({ user: party.user, id: b.id, now }).status).toBe("pending");

    const later = now + HOUR;
    const changes = () => db.$client.prepare("select total_changes() as n").get() as { n: number };
    const before = changes().n;
    const view = getBooking({ user: party.user, id: b.id, now: later });
    expect(view.status).toBe("expired");
    expect(view.actions).toEqual({
      confirm: false,
      decline: false,
      cancel: false,
      reschedule: false,
      propose: false,
      answerProposal: false,
    });
    expect(changes().n).toBe(before);
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.status).toBe("pending");
  });

  it("someone else's booking is not found, exactly as a booking that does not exist", () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db);
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const b = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: slot.start, now });
    const stranger = createParty(db);
    for (const id of [b.id, 99_999_999]) {
      const error = (() => {
        try {
          getBooking({ user: stranger.user, id, now });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as InstanceType<typeof DomainError>).code).toBe("not_found");
    }
  });
});

describe("ordering", () => {
  it("explains a refusal: the mode or town that is not offered at that time, with what is", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online", "onsite"], towns: ["liuheng"], now });
    const party = createParty(db);
    // Far enough ahead for an island town's answer deadline (24 hours before, ADR 029).
    const slot = firstFreeSlot(db, m.id, { now, marginMinutes: 26 * 60 });
    const input = { mediatorId: m.id, start: slot.start, category: "labour" as const, summary: "拖欠工资三个月" };

    const wrongMode = await order({ party: party.user, input: { ...input, mode: "centre" }, now }).catch((e: unknown) => e);
    expect(wrongMode).toMatchObject({
      code: "not_available",
      detail: { field: "mode", reason: "mode_not_offered", offered: ["online", "onsite"] },
    });

    const wrongTown = await order({ party: party.user, input: { ...input, mode: "onsite", town: "dongji" }, now }).catch((e: unknown) => e);
    expect(wrongTown).toMatchObject({ code: "not_available", detail: { field: "town", reason: "town_not_offered", offered: ["liuheng"] } });

    const { booking } = await order({ party: party.user, input: { ...input, mode: "onsite", town: "liuheng" }, now });
    const again = await order({ party: createParty(db).user, input: { ...input, mode: "online" }, now }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "slot_taken" });
    expect(booking.status).toBe("pending");
    // The booking and its case are stamped with the `now` they were made at, not SQLite's clock.
    const row = db.select().from(bookings).where(eq(bookings.id, booking.id)).get()!;
    expect(row.createdAt.getTime()).toBe(now);
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.bookingId, booking.id))
        .all()
        .every((n) => n.createdAt.getTime() === now),
    ).toBe(true);

    const past = await order({
      party: party.user,
      input: { ...input, mode: "online", start: new Date(at(now, -1, "09:00")).toISOString() },
      now,
    }).catch((e: unknown) => e);
    expect(past).toMatchObject({ code: "not_available", detail: { field: "start", reason: "not_a_slot" } });
  });
});

describe("notifications", () => {
  it("are templates rendered in each recipient's language when sent", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], account: true, now });
    db.update(users).set({ locale: "en" }).where(eq(users.id, m.account!.user.id)).run();
    const party = createParty(db, { phone: "+8613800000000" });
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const { booking } = await order({
      party: party.user,
      input: { mediatorId: m.id, start: slot.start, mode: "online", category: "labour", summary: "拖欠工资三个月" },
      now,
    });
    await confirmBooking({ user: m.account!.user, id: booking.id, now });
    const rows = () => db.select().from(notifications).where(eq(notifications.bookingId, booking.id)).orderBy(notifications.id).all();
    expect(rows().map((n) => [n.template, n.channel, n.locale])).toEqual([
      ["booking.requested", "email", "en"],
      ["booking.submitted", "email", "zh"],
      ["booking.submitted", "sms", "zh"],
      ["booking.confirmed", "email", "zh"],
      ["booking.confirmed", "sms", "zh"],
    ]);
    expect(rows().every((n) => n.subject === null && n.deliveredAt === null)).toBe(true);

    // Deliver everything waiting (other tests' rows too), then read what was sent.
    while ((await deliverPending({ db, provider: devProvider, render: renderNotification, now })) > 0);
    const sent = rows();
    // What, when in words, who (issue 11): the mediator reads English, the party Chinese.
    const start = Date.parse(booking.start);
    expect(sent[0].subject).toBe(`New request: ${whenWords(start, "en")}, ${party.user.name}`);
    expect(booking.caseNumber).toMatch(/^普调〔\d{4}〕\d{5}号$/);
    expect(sent[0].body).toContain(`(${booking.caseNumber})`);
    expect(sent[1].subject).toBe(`预约已提交：${whenWords(start, "zh")}，${m.name}`);
    expect(sent[1].body).toContain(m.name);
    expect(sent[2].body).toBe(sent[2].subject); // a text message is one text: its short form
    expect(sent[3].subject).toBe(`预约已确认：${whenWords(start, "zh")}，${m.name}`);
    expect(sent.every((n) => n.deliveredAt?.getTime() === now)).toBe(true);
  });
});

describe("rate-limit counters", () => {
  it("are dropped once their window has long ended, and kept while it may still matter", async () => {
    const { consume, pruneRateLimits } = await import("~/models/rate-limit.server");
    const { rateLimits } = await import("../../db/schema");
    const now = Date.now();
    const limit = { max: 5, windowMs: 60 * 60_000 };
    consume(db, "test:old", limit, now - 3 * HOUR);
    consume(db, "test:recent", limit, now - HOUR);
    expect(pruneRateLimits(db, now)).toBe(1);
    expect(
      db
        .select({ key: rateLimits.key })
        .from(rateLimits)
        .all()
        .map((r) => r.key),
    ).toContain("test:recent");
    expect(
      db
        .select({ key: rateLimits.key })
        .from(rateLimits)
        .all()
        .map((r) => r.key),
    ).not.toContain("test:old");
  });
});

describe("a booking files its case", () => {
  it("invites the other side to that time, and the booking awaits their consent until they agree", async () => {
    const { consentByCode } = await import("~/models/case-consent.server");
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db);
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const { booking } = await order({
      party: party.user,
      input: {
        mediatorId: m.id,
        start: slot.start,
        mode: "online",
        category: "neighbourhood",
        summary: "楼上装修噪音扰民",
        counterpartyName: "楼上住户陈某",
        counterpartyPhone: "13800000555",
      },
      now,
    });
    expect(booking.awaitingConsent).toBe(true);
    const invitation = db
      .select()
      .from(notifications)
      .where(eq(notifications.to, "13800000555"))
      .all()
      .find((n) => n.template === "case.invitation")!;
    expect(invitation.params).toMatchObject({ caseId: booking.caseId, number: booking.caseNumber, start: Date.parse(slot.start) });
    const agreed = await consentByCode({
      caseId: booking.caseId,
      code: String(invitation.params!.code),
      input: { informed: true, accept: true },
      now,
    });
    expect(agreed).toMatchObject({ status: "mediator-agreed", mediator: { id: m.id } });
    expect(getBooking({ user: party.user, id: booking.id, now }).awaitingConsent).toBe(false);
  });
});
