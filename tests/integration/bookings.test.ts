// Ordering a session through the API, against a real seeded database and the real clock.
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookings as bookingsTable, notifications, users } from "../../db/schema";

const file = freshDatabase();
const tokenRoute = await import("~/routes/api.v1.auth.token");
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
const { createUser } = await import("~/models/auth.server");
const db = openDb(file);

const tokens: Record<string, string> = {};
let mediatorId = 0;

async function login(email: string) {
  const res = await call(tokenRoute, "/api/v1/auth/token", { method: "POST", body: { email, password: "demo12345" } });
  return res.body.token as string;
}

async function slots(id: number, query = "", route = slotsRoute) {
  const res = await call(route, `/api/v1/x/${id}/slots${query}`, { params: { id: String(id) } });
  return res;
}

function book(token: string, body: Record<string, unknown>) {
  return call(bookingsRoute, "/api/v1/bookings", {
    method: "POST",
    token,
    body: { category: "labour", summary: "拖欠工资三个月未发", counterpartyName: "某水产公司", ...body },
  });
}

beforeAll(async () => {
  await getSearchService().ready;
  for (const who of ["party", "party2", "mediator", "staff"]) tokens[who] = await login(`${who}@example.com`);
  mediatorId = db.select().from(users).where(eq(users.email, "mediator@example.com")).get()!.mediatorId!;
});

describe("slots", () => {
  it("lists free slots in Shanghai time with offsets", async () => {
    const res = await slots(mediatorId);
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe("Asia/Shanghai");
    expect(res.body.slots.length).toBeGreaterThan(0);
    for (const s of res.body.slots) {
      expect(s.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(Date.parse(s.start)).toBeGreaterThan(Date.now());
      expect(s.modes.length).toBeGreaterThan(0);
    }
  });

  it("validates the window and 404s unknown mediators", async () => {
    expect((await slots(mediatorId, "?from=2026-12-10&to=2026-12-01")).status).toBe(400);
    expect((await slots(mediatorId, "?from=2026-01-01&to=2026-06-01")).status).toBe(400);
    expect((await slots(mediatorId, "?from=2026-02-30")).status).toBe(400);
    expect((await slots(mediatorId, "?mode=teleport")).status).toBe(400);
    expect((await slots(mediatorId, "?bogus=1")).status).toBe(400);
    expect((await slots(999999)).status).toBe(404);
  });

  it("gives a committee the union of its members' slots", async () => {
    const res = await slots(1, "", committeeSlotsRoute);
    expect(res.status).toBe(200);
    expect(res.body.slots.length).toBeGreaterThan(0);
  });
});

describe("booking", () => {
  it("books a free slot once: others get 409, retries with the same key get the same booking", async () => {
    const [slot] = (await slots(mediatorId, "?mode=online")).body.slots;
    const first = await book(tokens.party, { mediatorId, start: slot.start, mode: "online", idempotencyKey: "retry-key-0001" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "pending", mediatorId, start: slot.start, mode: "online" });
    expect(first.body.caseId).toBeGreaterThan(0);
    const retry = await book(tokens.party, { mediatorId, start: slot.start, mode: "online", idempotencyKey: "retry-key-0001" });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    const mismatch = await book(tokens.party, {
      mediatorId: mediatorId + 1,
      start: slot.start,
      mode: "online",
      idempotencyKey: "retry-key-0001",
    });
    expect(mismatch.status).toBe(422);
    const other = await book(tokens.party2, { mediatorId, start: slot.start, mode: "online" });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("slot_taken");
    // The slot is gone from the listing, pending as it is.
    expect((await slots(mediatorId)).body.slots.map((s: any) => s.start)).not.toContain(slot.start);
    expect(
      db
        .select()
        .from(bookingsTable)
        .where(eq(bookingsTable.startAt, Date.parse(slot.start)))
        .all(),
    ).toHaveLength(1);
  });

  it("answers 422 for times that are not free slots", async () => {
    const [slot] = (await slots(mediatorId)).body.slots;
    const t = DateTime.fromISO(slot.start);
    const cases = [
      { start: t.minus({ days: 30 }).toISO() }, // past
      { start: t.plus({ minutes: 7 }).toISO() }, // not on the grid
      { start: t.set({ hour: 3 }).toISO() }, // outside hours
      { start: slot.start, mode: "onsite", town: "dongji" }, // wrong mode for this slot (unless offered)
    ];
    for (const c of cases.slice(0, 3)) {
      const res = await book(tokens.party, { mediatorId, mode: "online", ...c });
      expect(res.status, JSON.stringify(c)).toBe(422);
      expect(res.body.error.code).toBe("not_available");
    }
    if (!slot.modes.includes("onsite")) expect((await book(tokens.party, { mediatorId, ...cases[3] })).status).toBe(422);
  });

  it("400s malformed bookings, 404s unknown mediators, 403s other roles", async () => {
    const [slot] = (await slots(mediatorId)).body.slots;
    const bad = await book(tokens.party, { mediatorId, start: "tomorrow", mode: "online", category: "nope" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["category", "start"]);
    expect((await book(tokens.party, { mediatorId, committeeId: 1, start: slot.start, mode: "online" })).status).toBe(400);
    expect((await book(tokens.party, { mediatorId, start: slot.start, mode: "onsite" })).body.error.fields.town).toBeDefined();
    expect((await book(tokens.party, { mediatorId: 999999, start: slot.start, mode: "online" })).status).toBe(404);
    expect((await book(tokens.mediator, { mediatorId, start: slot.start, mode: "online" })).status).toBe(403);
    expect((await book(tokens.staff, { mediatorId, start: slot.start, mode: "online" })).status).toBe(403);
  });

  it("runs the mediator's confirm, the .ics, and the ownership rules", async () => {
    const [slot] = (await slots(mediatorId, "?mode=online")).body.slots;
    const made = await book(tokens.party, { mediatorId, start: slot.start, mode: "online" });
    const id = String(made.body.id);
    expect((await call(confirm, `/x`, { method: "POST", token: tokens.party, params: { id } })).status).toBe(403);
    expect((await call(ics, `/x`, { token: tokens.party, params: { id } })).status).toBe(409);
    const ok = await call(confirm, `/x`, { method: "POST", token: tokens.mediator, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("confirmed");
    expect((await call(confirm, `/x`, { method: "POST", token: tokens.mediator, params: { id } })).status).toBe(409);
    const file = await call(ics, `/x`, { token: tokens.party, params: { id } });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toContain("text/calendar");
    expect(file.text).toContain("BEGIN:VEVENT");
    expect(file.text).toContain(`DTSTART:${DateTime.fromISO(slot.start).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
    // Another party sees neither the booking nor its calendar.
    expect((await call(bookingRoute, `/x`, { token: tokens.party2, params: { id } })).status).toBe(403);
    expect((await call(bookingRoute, `/x`, { token: tokens.party2, params: { id: "999999" } })).status).toBe(404);
    // Lists are scoped in the query.
    const mine = (await call(bookingsRoute, "/api/v1/bookings", { token: tokens.party2 })).body.bookings;
    expect(mine.every((b: any) => b.id !== made.body.id)).toBe(true);
    const theirs = (await call(bookingsRoute, "/api/v1/bookings", { token: tokens.mediator })).body.bookings;
    expect(theirs.some((b: any) => b.id === made.body.id)).toBe(true);
    expect(db.select().from(notifications).where(eq(notifications.bookingId, made.body.id)).all().length).toBeGreaterThanOrEqual(3);
  });

  it("declines with a reason, frees the slot, and suggests similar mediators with free time", async () => {
    const [slot] = (await slots(mediatorId, "?mode=online")).body.slots;
    const made = await book(tokens.party, { mediatorId, start: slot.start, mode: "online" });
    const id = String(made.body.id);
    expect((await call(decline, `/x`, { method: "POST", token: tokens.mediator, params: { id }, body: {} })).status).toBe(400);
    const res = await call(decline, `/x`, { method: "POST", token: tokens.mediator, params: { id }, body: { reason: "该时段需出庭" } });
    expect(res.body).toMatchObject({ status: "declined", declineReason: "该时段需出庭" });
    expect((await slots(mediatorId)).body.slots.map((s: any) => s.start)).toContain(slot.start);
    const alt = await call(alternatives, `/x`, { token: tokens.party, params: { id } });
    expect(alt.body.mediators.length).toBeGreaterThan(0);
    for (const m of alt.body.mediators) {
      expect(m.id).not.toBe(mediatorId);
      expect(m.categories).toContain("labour");
      expect(m.nextAvailableAt).not.toBeNull();
    }
  });

  it("expires unanswered requests and releases the slot", async () => {
    const [slot] = (await slots(mediatorId, "?mode=online")).body.slots;
    const made = await book(tokens.party, { mediatorId, start: slot.start, mode: "online" });
    db.update(bookingsTable)
      .set({ respondBy: Date.now() - 1 })
      .where(eq(bookingsTable.id, made.body.id))
      .run();
    await runJobsOnce();
    const after = await call(bookingRoute, `/x`, { token: tokens.party, params: { id: String(made.body.id) } });
    expect(after.body.status).toBe("expired");
    expect((await slots(mediatorId)).body.slots.map((s: any) => s.start)).toContain(slot.start);
    expect((await call(confirm, `/x`, { method: "POST", token: tokens.mediator, params: { id: String(made.body.id) } })).status).toBe(409);
  });

  it("lets either side cancel with a reason, and the party reschedule", async () => {
    const list = (await slots(mediatorId, "?mode=online")).body.slots;
    const made = await book(tokens.party, { mediatorId, start: list[0].start, mode: "online" });
    const id = String(made.body.id);
    const moved = await call(reschedule, `/x`, { method: "POST", token: tokens.party, params: { id }, body: { start: list[1].start } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: "pending",
      start: list[1].start,
      rescheduledFromId: made.body.id,
      caseId: made.body.caseId,
    });
    expect((await call(bookingRoute, `/x`, { token: tokens.party, params: { id } })).body.status).toBe("cancelled");
    const newId = String(moved.body.id);
    expect(
      (await call(cancel, `/x`, { method: "POST", token: tokens.party2, params: { id: newId }, body: { reason: "不是我的" } })).status,
    ).toBe(403);
    const cancelled = await call(cancel, `/x`, {
      method: "POST",
      token: tokens.mediator,
      params: { id: newId },
      body: { reason: "临时有事" },
    });
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelledBy: "mediator", cancelReason: "临时有事" });
    expect(
      (await call(cancel, `/x`, { method: "POST", token: tokens.party, params: { id: newId }, body: { reason: "再取消" } })).status,
    ).toBe(409);
  });

  it("refuses a reschedule inside the minimum notice", async () => {
    const [slot] = (await slots(mediatorId, "?mode=online")).body.slots;
    const made = await book(tokens.party, { mediatorId, start: slot.start, mode: "online" });
    // Pretend the session is 1 hour away.
    const soon = Date.now() + 3_600_000;
    db.update(bookingsTable)
      .set({ startAt: soon, endAt: soon + 3_600_000 })
      .where(eq(bookingsTable.id, made.body.id))
      .run();
    const res = await call(reschedule, `/x`, {
      method: "POST",
      token: tokens.party,
      params: { id: String(made.body.id) },
      body: { start: slot.start },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("too_late");
  });

  it("assigns a committee order to a free member fairly, and a centre session to a free room", async () => {
    const list = (await slots(2, "?mode=centre", committeeSlotsRoute)).body.slots;
    expect(list.length).toBeGreaterThan(1);
    const a = await book(tokens.party, { committeeId: 2, start: list[0].start, mode: "centre", category: "medical" });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ committeeId: 2, assignmentReason: "committee-rotation", mode: "centre" });
    expect(a.body.room).toBeTruthy();
    const row = db
      .select()
      .from(bookingsTable)
      .where(and(eq(bookingsTable.id, a.body.id)))
      .get()!;
    expect(row.roomId).not.toBeNull();
    // The same committee slot ordered again goes to another free member (and another room), while
    // members are free; the committee's listing keeps the slot until none is.
    const online = (await slots(2, "?mode=online", committeeSlotsRoute)).body.slots;
    const t = online[online.length - 1].start;
    const first = await book(tokens.party, { committeeId: 2, start: t, mode: "online", category: "medical" });
    const second = await book(tokens.party2, { committeeId: 2, start: t, mode: "online", category: "medical" });
    expect(first.status).toBe(201);
    if (second.status === 201) expect(second.body.mediatorId).not.toBe(first.body.mediatorId);
    else expect(second.status).toBe(409);
  });

  it("keeps up with the clock: a next free time that has passed is recomputed by the job", async () => {
    const past = Date.now() - 3_600_000;
    db.$client
      .prepare("update availability_settings set next_available_at = ?, next_available_valid_until = ? where mediator_id = ?")
      .run(past, past, mediatorId);
    await runJobsOnce();
    const row = db.$client.prepare("select next_available_at n from availability_settings where mediator_id = ?").get(mediatorId) as {
      n: number;
    };
    expect(row.n).toBeGreaterThan(Date.now());
  });

  it("leaves the cached next free time alone when a booking is later than that day", async () => {
    await runJobsOnce();
    const settings = () =>
      db.$client
        .prepare("select next_available_at n, next_available_valid_until v from availability_settings where mediator_id = ?")
        .get(mediatorId) as { n: number; v: number };
    const before = settings();
    const list = (
      await slots(
        mediatorId,
        `?mode=online&from=${DateTime.fromMillis(before.n).plus({ days: 3 }).toISODate()}&to=${DateTime.fromMillis(before.n).plus({ days: 40 }).toISODate()}`,
      )
    ).body.slots;
    const far = list[list.length - 1];
    expect((await book(tokens.party, { mediatorId, start: far.start, mode: "online" })).status).toBe(201);
    expect(settings()).toEqual(before);
  });

  it("shows the next free time in search and follows bookings within a second", async () => {
    await getSearchService().ready;
    const find = async () => {
      await runJobsOnce();
      await getSearchService().tick();
      const res = await call(searchRoute, `/api/v1/search?perPage=50&kind=senior-mediator`);
      return res.body.hits.find((h: any) => h.id === mediatorId);
    };
    const before = await find();
    expect(before.nextAvailableAt).not.toBeNull();
    const made = await book(tokens.party2, {
      mediatorId,
      start: before.nextAvailableAt,
      mode: (await slots(mediatorId)).body.slots[0].modes[0],
    });
    expect(made.status).toBe(201);
    const started = Date.now();
    let after = await find();
    while (after.nextAvailableAt === before.nextAvailableAt && Date.now() - started < 1000) {
      await getSearchService().tick();
      await new Promise((r) => setTimeout(r, 20));
      after = await find();
    }
    expect(after.nextAvailableAt).not.toBe(before.nextAvailableAt);
    // It is the first free slot the slot listing shows now (as computed from scratch).
    const firstFree = (
      await slots(
        mediatorId,
        `?from=${DateTime.now().setZone("Asia/Shanghai").toISODate()}&to=${DateTime.now().plus({ days: 60 }).toISODate()}`,
      )
    ).body.slots[0];
    expect(Date.parse(after.nextAvailableAt)).toBe(Date.parse(firstFree.start));
    // availableWithinDays filters on it.
    const within = await call(searchRoute, `/api/v1/search?availableWithinDays=60&perPage=50`);
    expect(within.status).toBe(200);
    for (const h of within.body.hits) expect(h.nextAvailableAt).not.toBeNull();
  });

  it("keeps a mediator created later bookable too (no availability yet means no slots)", async () => {
    const u = await createUser({ email: "late@example.com", password: "longenough", name: "x", role: "party" });
    expect(u.role).toBe("party");
  });
});
