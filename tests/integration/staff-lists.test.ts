// The staff lists' filters (issue 11): on /bookings (as staff) and /staff/cases each filter — status,
// date from/to in Beijing time, mediator, town — narrows the rows in the model's query, with counts;
// a wrong filter is named on the page with a 400, never a 500; a party's /bookings stays their own
// whatever the query string says, and the model refuses them the staff list.
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { at, createBookingInTown, createMediator, createParty, createQueueCase, createStaff, localDate } from "../factories";
import { loadPage } from "./helpers/load-page";

const db = openDb(freshDatabase());
const { staffBookings, staffBookingsSchema, caseQueue, caseQueueSchema } = await import("~/models/staff-lists.server");
const bookingsPage = await import("~/routes/bookings._index");
const casesPage = await import("~/routes/staff.cases");

const NOW = Date.now();
const DAY = 86_400_000;
const staff = createStaff(db, { now: NOW });
const party = createParty(db, { now: NOW });
const m = createMediator(db, { modes: ["online", "onsite"], now: NOW });
// Three bookings of one mediator: day 2 online for a party from 东极镇 (pending), day 3 on site in
// 六横镇 (confirmed), day 5 online, its answer deadline passed (reads as expired).
const b1 = createBookingInTown(db, {
  partyUserId: party.user.id,
  mediatorId: m.id,
  start: at(NOW, 2, "10:00"),
  caseTown: "dongji",
  now: NOW,
});
const b2 = createBookingInTown(db, {
  partyUserId: party.user.id,
  mediatorId: m.id,
  start: at(NOW, 3, "10:00"),
  mode: "onsite",
  town: "liuheng",
  status: "confirmed",
  caseTown: null,
  now: NOW,
});
const b3 = createBookingInTown(db, {
  partyUserId: party.user.id,
  mediatorId: m.id,
  start: at(NOW, 5, "10:00"),
  respondBy: NOW - 1,
  caseTown: null,
  now: NOW,
});

const ids = (q: Record<string, string>) =>
  staffBookings({ user: staff.user, query: staffBookingsSchema.parse({ mediator: String(m.id), ...q }), now: NOW }).bookings.map(
    (b) => b.id,
  );

describe("the staff's bookings list", () => {
  it("narrows by mediator, newest session first, with the mediator's count", () => {
    expect(ids({})).toEqual([b3.id, b2.id, b1.id]);
    const list = staffBookings({ user: staff.user, query: staffBookingsSchema.parse({ mediator: String(m.id) }), now: NOW });
    expect([list.total, list.counts.mediators.find((x) => x.id === m.id)?.n]).toEqual([3, 3]);
  });

  it("narrows by status as the booking reads now (a request past its deadline is expired), with counts per status", () => {
    expect(ids({ status: "pending" })).toEqual([b1.id]);
    expect(ids({ status: "confirmed" })).toEqual([b2.id]);
    expect(ids({ status: "expired" })).toEqual([b3.id]);
    const list = staffBookings({
      user: staff.user,
      query: staffBookingsSchema.parse({ mediator: String(m.id), status: "pending" }),
      now: NOW,
    });
    expect(list.counts.status).toEqual({ pending: 1, confirmed: 1, expired: 1 });
  });

  it("narrows by town: the party's town or the on-site session's", () => {
    expect(ids({ town: "dongji" })).toEqual([b1.id]);
    expect(ids({ town: "liuheng" })).toEqual([b2.id]);
    expect(ids({ town: "taohua" })).toEqual([]);
  });

  it("narrows by Beijing dates, both ends included", () => {
    expect(ids({ from: localDate(NOW, 3) })).toEqual([b3.id, b2.id]);
    expect(ids({ to: localDate(NOW, 2) })).toEqual([b1.id]);
    expect(ids({ from: localDate(NOW, 3), to: localDate(NOW, 3) })).toEqual([b2.id]);
  });

  it("a wrong filter is named on the page with a 400, the others still applied", async () => {
    const res = await loadPage(bookingsPage, `/bookings?mediator=${m.id}&from=2026-02-30&status=lost&colour=red`, staff.user.id);
    expect(res.status).toBe(400);
    expect(res.body.staff.bad.sort()).toEqual(["colour", "from", "status"]);
    expect(res.body.bookings.map((b: { id: number }) => b.id)).toEqual([b3.id, b2.id, b1.id]);
    const backwards = await loadPage(bookingsPage, `/bookings?from=${localDate(NOW, 3)}&to=${localDate(NOW, 2)}`, staff.user.id);
    expect([backwards.status, backwards.body.staff.bad]).toEqual([400, ["to"]]);
  });

  it("a party's /bookings is their own list whatever the query says, and the model refuses them the staff list", async () => {
    const other = createParty(db, { now: NOW });
    const mine = createBookingInTown(db, {
      partyUserId: other.user.id,
      mediatorId: m.id,
      start: at(NOW, 6, "10:00"),
      caseTown: null,
      now: NOW,
    });
    const res = await loadPage(bookingsPage, `/bookings?mediator=${m.id}&status=confirmed`, other.user.id);
    expect([res.status, res.body.staff, res.body.bookings.map((b: { id: number }) => b.id)]).toEqual([200, null, [mine.id]]);
    expect(() => staffBookings({ user: other.user, query: staffBookingsSchema.parse({}), now: NOW })).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });
});

describe("the staff's case queue", () => {
  const m2 = createMediator(db, { modes: ["online"], now: NOW });
  // Filed 10, 5 and 1 days ago: two with mediator m2 (one from 桃花镇), one with nobody yet.
  const c1 = createQueueCase(db, { createdAt: NOW - 10 * DAY, mediatorId: m2.id, town: "taohua", status: "mediator-agreed" });
  const c2 = createQueueCase(db, { createdAt: NOW - 5 * DAY, mediatorId: m2.id, town: "xiazhi", status: "in-mediation" });
  createQueueCase(db, { createdAt: NOW - 1 * DAY, town: "taohua" });
  const cases = (q: Record<string, string>) =>
    caseQueue({ user: staff.user, query: caseQueueSchema.parse({ mediator: String(m2.id), ...q }), now: NOW }).cases.map((c) => c.id);

  it("narrows by mediator, town, status and the date received, with counts", () => {
    expect(cases({})).toEqual([c1.id, c2.id]);
    expect(cases({ town: "taohua" })).toEqual([c1.id]);
    expect(cases({ status: "in-mediation" })).toEqual([c2.id]);
    expect(cases({ from: localDate(NOW - 6 * DAY) })).toEqual([c2.id]);
    expect(cases({ to: localDate(NOW - 6 * DAY) })).toEqual([c1.id]);
    const q = caseQueue({ user: staff.user, query: caseQueueSchema.parse({ mediator: String(m2.id), town: "taohua" }), now: NOW });
    expect([q.total, q.counts.town.taohua, q.counts.town.xiazhi]).toEqual([1, 1, 1]);
  });

  it("a wrong filter is a 400 naming it; a party may not open the queue (403)", async () => {
    const res = await loadPage(casesPage, `/staff/cases?mediator=${m2.id}&town=atlantis`, staff.user.id);
    expect([res.status, res.body.bad, res.body.queue.total]).toEqual([400, ["town"], 2]);
    const asParty = await loadPage(casesPage, `/staff/cases?mediator=${m2.id}`, party.user.id);
    expect(asParty.status).toBe(403);
  });
});
