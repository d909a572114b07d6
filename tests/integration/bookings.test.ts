// Ordering a session through the API, against a real database and the real clock. Every mediator,
// committee and account here is made by the factories, with hours chosen so that each answer is known
// whatever the date and the time of day (npm run test:dates runs this on other dates).
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call, type Json } from "./call";
import { openDb } from "../../db/client";
import { bookings as bookingsTable, notifications } from "../../db/schema";
import {
  at,
  committeeFreeSlots,
  createBooking,
  createCommittee,
  createMediator,
  createParty,
  createStaff,
  firstFreeSlot,
  freeSlots,
  localDate,
  type Account,
  type MediatorFixture,
} from "../factories";

const file = freshDatabase();
const slotsRoute = await import("~/routes/api.v1.mediators.$id.slots");
const committeeSlotsRoute = await import("~/routes/api.v1.committees.$id.slots");
const bookingsRoute = await import("~/routes/api.v1.bookings");
const bookingRoute = await import("~/routes/api.v1.bookings.$id");
const confirm = await import("~/routes/api.v1.bookings.$id.confirm");
const decline = await import("~/routes/api.v1.bookings.$id.decline");
const cancel = await import("~/routes/api.v1.bookings.$id.cancel");
const reschedule = await import("~/routes/api.v1.bookings.$id.reschedule");
const alternatives = await import("~/routes/api.v1.bookings.$id.alternatives");
const ics = await import("~/routes/api.v1.bookings.$id.calendar[.]ics");
const searchRoute = await import("~/routes/api.v1.search");
const { runJobsOnce } = await import("~/jobs.server");
const { getSearchService } = await import("~/search.server");
const db = openDb(file);

const HOUR = 3_600_000;
/** The clock, read once when the data is built. */
const now0 = Date.now();

let party: Account;
let party2: Account;
let staff: Account;
/** Labour disputes, at the centre and online, 08:00–20:00 every day, 2 hours' notice, its own account. */
let m: MediatorFixture;
let mediatorToken: string;
/** Another labour mediator, online all day: the alternative when m declines. */
let other: MediatorFixture;

async function slots(id: number, query = "", route = slotsRoute) {
  return call(route, `/api/v1/x/${id}/slots${query}`, { params: { id: String(id) } });
}

function book(token: string, body: Record<string, unknown>) {
  return call(bookingsRoute, "/api/v1/bookings", {
    method: "POST",
    token,
    body: { category: "labour", summary: "拖欠工资三个月未发", counterpartyName: "某水产公司", ...body },
  });
}

const startsOf = (list: { start: string }[]) => list.map((s) => s.start);

/** The search hit of a mediator once the index has caught up with `ready` (polled, at most 2 s). */
async function hitOf(id: number, query: string, ready: (hit: Json) => boolean = (h) => h !== undefined) {
  const started = Date.now();
  for (;;) {
    await runJobsOnce(Date.now());
    await getSearchService().tick();
    const res = await call(searchRoute, `/api/v1/search?${query}`);
    const hit = res.body.hits.find((h: Json) => h.kind !== "committee" && h.id === id);
    if (ready(hit) || Date.now() - started > 2000) return hit;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  party = createParty(db);
  party2 = createParty(db);
  staff = createStaff(db);
  m = createMediator(db, {
    modes: ["centre", "online"],
    weekly: { start: "08:00", end: "20:00" },
    minNoticeHours: 2,
    account: true,
    now: now0,
  });
  mediatorToken = m.account!.token;
  other = createMediator(db, { modes: ["online"], categories: ["labour"], now: now0 });
  await getSearchService().ready;
});

describe("slots", () => {
  it("lists free slots in Shanghai time with offsets, on the hour within the hours", async () => {
    const res = await slots(m.id);
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe("Asia/Shanghai");
    // Fourteen days from today, 08:00–20:00: at least twelve whole days of twelve sessions. A mediator
    // who does not confirm at once is offered no sooner than 13 hours ahead (the answer deadline, ADR 029).
    expect(res.body.slots.length).toBeGreaterThanOrEqual(12 * 12);
    const earliest = Date.now() + 13 * HOUR - 60_000;
    for (const s of res.body.slots) {
      expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T(0[89]|1\d):00:00\+08:00$/);
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(HOUR);
      expect(Date.parse(s.start)).toBeGreaterThan(earliest);
      expect([...s.modes].sort()).toEqual(["centre", "online"]);
      expect(s.towns).toEqual([]);
    }
  });

  it("validates the window and 404s unknown mediators", async () => {
    expect((await slots(m.id, "?from=2026-12-10&to=2026-12-01")).status).toBe(400);
    expect((await slots(m.id, "?from=2026-01-01&to=2026-06-01")).status).toBe(400);
    expect((await slots(m.id, "?from=2026-02-30")).status).toBe(400);
    expect((await slots(m.id, "?mode=teleport")).status).toBe(400);
    expect((await slots(m.id, "?bogus=1")).status).toBe(400);
    expect((await slots(999999)).status).toBe(404);
  });

  it("gives a committee the union of its members' slots", async () => {
    const now = Date.now();
    const morning = createMediator(db, { modes: ["online"], categories: ["medical"], weekly: { start: "08:00", end: "12:00" }, now });
    const afternoon = createMediator(db, { modes: ["online"], categories: ["medical"], weekly: { start: "14:00", end: "18:00" }, now });
    const committee = createCommittee(db, { categories: ["medical"], members: [morning.id, afternoon.id] });
    // From the day after tomorrow: past the 13 hours' notice of the answer deadline whatever the time now.
    const window = `?from=${localDate(now, 2)}&to=${localDate(now, 8)}`;
    const a = startsOf((await slots(morning.id, window)).body.slots);
    const b = startsOf((await slots(afternoon.id, window)).body.slots);
    const c = startsOf((await slots(committee.id, window, committeeSlotsRoute)).body.slots);
    expect(a).toHaveLength(7 * 4);
    expect(b).toHaveLength(7 * 4);
    expect(c).toEqual([...a, ...b].sort((x, y) => Date.parse(x) - Date.parse(y)));
  });
});

describe("booking", () => {
  it("books a free slot once: others get 409, retries with the same key get the same booking", async () => {
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const first = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online", idempotencyKey: "retry-key-0001" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "pending", mediatorId: m.id, start: slot.start, mode: "online" });
    expect(first.body.caseId).toBeGreaterThan(0);
    const retry = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online", idempotencyKey: "retry-key-0001" });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    const mismatch = await book(party.token, { mediatorId: other.id, start: slot.start, mode: "online", idempotencyKey: "retry-key-0001" });
    expect(mismatch.status).toBe(422);
    const taken = await book(party2.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("slot_taken");
    // The slot is gone from the listing, pending as it is.
    expect(startsOf((await slots(m.id)).body.slots)).not.toContain(slot.start);
    const rows = db
      .select()
      .from(bookingsTable)
      .where(and(eq(bookingsTable.mediatorId, m.id), eq(bookingsTable.startAt, slot.startMs)))
      .all();
    expect(rows.map((r) => r.id)).toEqual([first.body.id]);
  });

  it("a booking made by the factory holds its time like one made through the API", async () => {
    const now = Date.now();
    const slot = firstFreeSlot(db, m.id, { now, mode: "centre" });
    const row = createBooking(db, {
      partyUserId: party2.user.id,
      mediatorId: m.id,
      start: slot.startMs,
      mode: "centre",
      status: "confirmed",
      now,
    });
    expect(row).toMatchObject({ status: "confirmed", startAt: slot.startMs, endAt: slot.endMs });
    expect(row.roomId).not.toBeNull();
    expect(startsOf(freeSlots(db, m.id, { now }))).not.toContain(slot.start);
    const taken = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("slot_taken");
  });

  it("answers 422 for times that are not free slots", async () => {
    const now = Date.now();
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const t = DateTime.fromISO(slot.start, { setZone: true });
    const cases = [
      { start: t.minus({ days: 30 }).toISO() }, // past
      { start: t.plus({ minutes: 7 }).toISO() }, // not on the grid
      { start: DateTime.fromMillis(at(now, 1, "03:00"), { zone: "Asia/Shanghai" }).toISO() }, // outside hours (08:00–20:00)
      { start: slot.start, mode: "onsite", town: "dongji" }, // a mode this mediator does not offer
    ];
    for (const c of cases) {
      const res = await book(party.token, { mediatorId: m.id, mode: "online", ...c });
      expect(res.status, JSON.stringify(c)).toBe(422);
      expect(res.body.error.code).toBe("not_available");
    }
  });

  it("400s malformed bookings, 404s unknown mediators, 403s other roles", async () => {
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const bad = await book(party.token, { mediatorId: m.id, start: "tomorrow", mode: "online", category: "nope" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["category", "start"]);
    expect((await book(party.token, { mediatorId: m.id, committeeId: 1, start: slot.start, mode: "online" })).status).toBe(400);
    expect((await book(party.token, { mediatorId: m.id, start: slot.start, mode: "onsite" })).body.error.fields.town).toBeDefined();
    expect((await book(party.token, { mediatorId: 999999, start: slot.start, mode: "online" })).status).toBe(404);
    expect((await book(mediatorToken, { mediatorId: m.id, start: slot.start, mode: "online" })).status).toBe(403);
    expect((await book(staff.token, { mediatorId: m.id, start: slot.start, mode: "online" })).status).toBe(403);
  });

  it("runs the mediator's confirm, the .ics, and the ownership rules", async () => {
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const made = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    expect((await call(confirm, `/x`, { method: "POST", token: party.token, params: { id } })).status).toBe(403);
    // The calendar file exists from the request on, tentative until the mediator confirms (issue 11).
    expect((await call(ics, `/x`, { token: party.token, params: { id } })).text).toContain("STATUS:TENTATIVE");
    const ok = await call(confirm, `/x`, { method: "POST", token: mediatorToken, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("confirmed");
    expect((await call(confirm, `/x`, { method: "POST", token: mediatorToken, params: { id } })).status).toBe(409);
    const file = await call(ics, `/x`, { token: party.token, params: { id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toContain("text/calendar");
    expect(file.text).toContain("BEGIN:VEVENT");
    expect(file.text).toContain(`DTSTART:${DateTime.fromMillis(slot.startMs, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    // Another party sees neither the booking nor its calendar: to them it does not exist.
    expect((await call(bookingRoute, `/x`, { token: party2.token, params: { id } })).status).toBe(404);
    expect((await call(ics, `/x`, { token: party2.token, params: { id } })).status).toBe(404);
    expect((await call(bookingRoute, `/x`, { token: party2.token, params: { id: "999999" } })).status).toBe(404);
    // Lists are scoped in the query.
    const mine = (await call(bookingsRoute, "/api/v1/bookings", { token: party2.token })).body.bookings;
    expect(mine.map((b: Json) => b.id)).not.toContain(made.body.id);
    const theirs = (await call(bookingsRoute, "/api/v1/bookings", { token: mediatorToken })).body.bookings;
    expect(theirs.map((b: Json) => b.id)).toContain(made.body.id);
    // The request told the mediator and the party (one email each: neither has a phone), the
    // confirmation told the party.
    const sent = db.select().from(notifications).where(eq(notifications.bookingId, made.body.id)).all();
    expect(sent.map((n) => n.userId).sort()).toEqual([m.account!.user.id, party.user.id, party.user.id].sort());
  });

  it("declines with a reason, frees the slot, and suggests similar mediators with free time", async () => {
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const made = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    expect((await call(decline, `/x`, { method: "POST", token: mediatorToken, params: { id }, body: {} })).status).toBe(400);
    const res = await call(decline, `/x`, { method: "POST", token: mediatorToken, params: { id }, body: { reason: "该时段需出庭" } });
    expect(res.body).toMatchObject({ status: "declined", declineReason: "该时段需出庭" });
    expect(startsOf((await slots(m.id)).body.slots)).toContain(slot.start);
    const alt = await call(alternatives, `/x`, { token: party.token, params: { id } });
    expect(alt.status).toBe(200);
    expect(alt.body.mediators.map((x: Json) => x.id)).toContain(other.id);
    for (const x of alt.body.mediators) {
      expect(x.id).not.toBe(m.id);
      expect(x.categories).toContain("labour");
      expect(x.nextAvailableAt).not.toBeNull();
    }
  });

  it("expires unanswered requests and releases the slot", async () => {
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const made = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(made.status).toBe(201);
    db.update(bookingsTable)
      .set({ respondBy: Date.now() - 1 })
      .where(eq(bookingsTable.id, made.body.id))
      .run();
    await runJobsOnce(Date.now());
    const after = await call(bookingRoute, `/x`, { token: party.token, params: { id: String(made.body.id) } });
    expect(after.body.status).toBe("expired");
    expect(startsOf((await slots(m.id)).body.slots)).toContain(slot.start);
    expect((await call(confirm, `/x`, { method: "POST", token: mediatorToken, params: { id: String(made.body.id) } })).status).toBe(409);
  });

  it("lets either side cancel with a reason, and the party reschedule", async () => {
    const [first, second] = freeSlots(db, m.id, { now: Date.now(), mode: "online" });
    const made = await book(party.token, { mediatorId: m.id, start: first.start, mode: "online" });
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    const moved = await call(reschedule, `/x`, { method: "POST", token: party.token, params: { id }, body: { start: second.start } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: "pending",
      start: second.start,
      rescheduledFromId: made.body.id,
      caseId: made.body.caseId,
    });
    expect((await call(bookingRoute, `/x`, { token: party.token, params: { id } })).body.status).toBe("cancelled");
    const newId = String(moved.body.id);
    expect(
      (await call(cancel, `/x`, { method: "POST", token: party2.token, params: { id: newId }, body: { reason: "不是我的" } })).status,
    ).toBe(404);
    const cancelled = await call(cancel, `/x`, {
      method: "POST",
      token: mediatorToken,
      params: { id: newId },
      body: { reason: "临时有事" },
    });
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelledBy: "mediator", cancelReason: "临时有事" });
    expect(
      (await call(cancel, `/x`, { method: "POST", token: party.token, params: { id: newId }, body: { reason: "再取消" } })).status,
    ).toBe(409);
  });

  it("refuses a reschedule inside the minimum notice", async () => {
    const now = Date.now();
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const made = await book(party.token, { mediatorId: m.id, start: slot.start, mode: "online" });
    expect(made.status).toBe(201);
    // Pretend the session is 1 hour away: inside the mediator's 2 hours' notice.
    const soon = now + HOUR;
    db.update(bookingsTable)
      .set({ startAt: soon, endAt: soon + HOUR })
      .where(eq(bookingsTable.id, made.body.id))
      .run();
    const res = await call(reschedule, `/x`, {
      method: "POST",
      token: party.token,
      params: { id: String(made.body.id) },
      body: { start: slot.start },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("too_late");
  });

  it("assigns a committee order to a free member fairly, and a centre session to a free room", async () => {
    const now = Date.now();
    const members = [0, 1].map(() => createMediator(db, { modes: ["centre", "online"], categories: ["medical"], now }));
    const committee = createCommittee(db, { categories: ["medical"], members: members.map((x) => x.id) });
    const memberIds = members.map((x) => x.id).sort();
    const [centre] = committeeFreeSlots(db, committee.id, { now, mode: "centre" });
    const a = await book(party.token, { committeeId: committee.id, start: centre.start, mode: "centre", category: "medical" });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ committeeId: committee.id, assignmentReason: "committee-rotation", mode: "centre" });
    expect(memberIds).toContain(a.body.mediatorId);
    expect(a.body.room).toBeTruthy();
    expect(db.select().from(bookingsTable).where(eq(bookingsTable.id, a.body.id)).get()!.roomId).not.toBeNull();
    // One committee slot ordered three times: the first two go to each free member in turn, the third
    // finds none free.
    const t = committeeFreeSlots(db, committee.id, { now, mode: "online" }).find((s) => s.start !== centre.start)!;
    const first = await book(party.token, { committeeId: committee.id, start: t.start, mode: "online", category: "medical" });
    const second = await book(party2.token, { committeeId: committee.id, start: t.start, mode: "online", category: "medical" });
    const third = await book(party2.token, { committeeId: committee.id, start: t.start, mode: "online", category: "medical" });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 409]);
    expect([first.body.mediatorId, second.body.mediatorId].sort()).toEqual(memberIds);
    expect(third.body.error.code).toBe("slot_taken");
    expect(startsOf(committeeFreeSlots(db, committee.id, { now, mode: "online" }))).not.toContain(t.start);
  });

  it("keeps up with the clock: a next free time that has passed is recomputed by the job", async () => {
    const now = Date.now();
    const past = now - HOUR;
    db.$client
      .prepare("update availability_settings set next_available_at = ?, next_available_valid_until = ? where mediator_id = ?")
      .run(past, past, m.id);
    await runJobsOnce(now);
    const row = db.$client.prepare("select next_available_at n from availability_settings where mediator_id = ?").get(m.id) as {
      n: number;
    };
    expect(row.n).toBe(firstFreeSlot(db, m.id, { now, marginMinutes: 0 }).startMs);
  });

  it("leaves the cached next free time alone when a booking is later than that day", async () => {
    await runJobsOnce(Date.now());
    const settings = () =>
      db.$client
        .prepare("select next_available_at n, next_available_valid_until v from availability_settings where mediator_id = ?")
        .get(m.id) as { n: number; v: number };
    const before = settings();
    const far = freeSlots(db, m.id, { now: Date.now(), mode: "online", days: 40 }).filter((s) => s.startMs > before.n + 3 * 24 * HOUR);
    expect(far.length).toBeGreaterThan(0);
    expect((await book(party.token, { mediatorId: m.id, start: far[far.length - 1].start, mode: "online" })).status).toBe(201);
    expect(settings()).toEqual(before);
  });

  it("shows the next free time in search and follows bookings within a second", async () => {
    const now = Date.now();
    // Three online sessions the day after tomorrow (past the answer deadline's 13 hours whatever the
    // time now) and nothing else: the next free time is known.
    const tomorrow = localDate(now, 2);
    const s = createMediator(db, {
      kind: "expert",
      modes: ["online"],
      categories: ["consumer"],
      weekly: [],
      overrides: [{ date: tomorrow, start: "09:00", end: "12:00", modes: ["online"], towns: [] }],
      now,
    });
    const query = `q=${encodeURIComponent(s.name)}&kind=expert&perPage=50`;
    const before = await hitOf(s.id, query);
    expect(Date.parse(before.nextAvailableAt)).toBe(at(now, 2, "09:00"));
    const made = await book(party2.token, { mediatorId: s.id, start: before.nextAvailableAt, mode: "online", category: "consumer" });
    expect(made.status).toBe(201);
    const started = Date.now();
    const after = await hitOf(s.id, query, (h) => h?.nextAvailableAt !== before.nextAvailableAt);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Date.parse(after.nextAvailableAt)).toBe(at(now, 2, "10:00"));
    // It is the first free slot as computed from scratch.
    expect(Date.parse(after.nextAvailableAt)).toBe(firstFreeSlot(db, s.id, { now: Date.now(), marginMinutes: 0 }).startMs);
    // availableWithinDays filters on it: free within three days, so found with that filter too.
    const within = await call(searchRoute, `/api/v1/search?${query}&availableWithinDays=3`);
    expect(within.status).toBe(200);
    expect(within.body.hits.map((h: Json) => h.id)).toContain(s.id);
  });

  it("a mediator created later with no availability yet has no slots, no next free time and takes no booking", async () => {
    const now = Date.now();
    const idle = createMediator(db, { kind: "expert", modes: ["online"], weekly: false, now });
    const query = `q=${encodeURIComponent(idle.name)}&kind=expert&perPage=50`;
    const hit = await hitOf(idle.id, query);
    expect(hit).toBeDefined();
    expect(hit.nextAvailableAt).toBeNull();
    expect((await slots(idle.id, "?mode=online")).body.slots).toEqual([]);
    const within = await call(searchRoute, `/api/v1/search?${query}&availableWithinDays=60`);
    expect(within.body.hits.map((h: Json) => h.id)).not.toContain(idle.id);
    const res = await book(party.token, { mediatorId: idle.id, start: new Date(at(now, 1, "09:00")).toISOString(), mode: "online" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("not_available");
  });
});
