// Search's cached "next free time" follows the centre's rooms: when a booking takes the last free room
// at a time, other mediators whose next free slot was a centre session then move on; when it is
// cancelled, they come back.
import { eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { availabilitySettings, rooms } from "../../db/schema";
import { at, createMediator, createParty, localDate, type Account, type MediatorFixture } from "../factories";

const file = freshDatabase();
const { staleAvailability } = await import("~/models/availability.server");
const { runJobsOnce } = await import("~/jobs.server");
const bookingsRoute = await import("~/routes/api.v1.bookings");
const cancelRoute = await import("~/routes/api.v1.bookings.$id.cancel");
const slotsRoute = await import("~/routes/api.v1.mediators.$id.slots");
const db = openDb(file);

const HOUR = 3_600_000;
const now0 = Date.now();
/** Two days ahead, 09:00–12:00 at the centre, and no other hours: the first free slot is known. */
const day = localDate(now0, 2);
const nine = at(now0, 2, "09:00");
let x: MediatorFixture;
let y: MediatorFixture;
let z: MediatorFixture;
let party: Account;

const centreMorning = {
  modes: ["centre" as const],
  weekly: [],
  overrides: [{ date: day, start: "09:00", end: "12:00", modes: ["centre" as const], towns: [] }],
  sessionMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 1,
  horizonDays: 30,
  dailyCap: 3,
  now: now0,
};
const nextOf = (id: number) =>
  db.select().from(availabilitySettings).where(eq(availabilitySettings.mediatorId, id)).get()!.nextAvailableAt!;
const iso = (ms: number) => new Date(ms).toISOString();

async function book(mediatorId: number, start: number) {
  const res = await call(bookingsRoute, "/api/v1/bookings", {
    method: "POST",
    token: party.token,
    body: { mediatorId, start: iso(start), mode: "centre", category: "labour", summary: "拖欠工资纠纷" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function cancel(id: number) {
  const res = await call(cancelRoute, "/x", {
    method: "POST",
    token: party.token,
    params: { id: String(id) },
    body: { reason: "改日再约" },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(() => {
  x = createMediator(db, centreMorning);
  y = createMediator(db, centreMorning);
  const both = ["centre" as const, "online" as const];
  z = createMediator(db, { ...centreMorning, modes: both, overrides: [{ ...centreMorning.overrides[0], modes: both }] });
  party = createParty(db);
});

describe("centre rooms and the cached next free time", () => {
  it("with rooms to spare, booking one leaves other mediators' entries alone", async () => {
    expect(nextOf(x.id)).toBe(nine);
    expect(nextOf(y.id)).toBe(nine);
    const booking = await book(x.id, nine);
    expect(booking.room).not.toBeNull();
    expect(staleAvailability(db, Date.now())).not.toContain(y.id);
    await cancel(booking.id);
  });

  it("taking the last room moves the others' next free time on; cancelling brings it back", async () => {
    await runJobsOnce(Date.now());
    const firstRoom = db.select().from(rooms).where(eq(rooms.active, true)).orderBy(rooms.id).get()!;
    db.update(rooms).set({ active: false }).where(ne(rooms.id, firstRoom.id)).run();
    await runJobsOnce(Date.now());
    expect(nextOf(x.id)).toBe(nine);
    expect(nextOf(y.id)).toBe(nine);

    const booking = await book(x.id, nine);
    expect(staleAvailability(db, Date.now())).toContain(y.id);
    // A mediator free at nine online and at the centre now offers nine online only, whether or not
    // the question asks for one mode: a slot never lists a mode it cannot give.
    for (const query of ["", "&mode=online"]) {
      const res = await call(slotsRoute, `/api/v1/mediators/${z.id}/slots?from=${day}&to=${day}${query}`, { params: { id: String(z.id) } });
      expect(res.status).toBe(200);
      const slots = res.body.slots as { start: string; modes: string[] }[];
      expect(slots.map((s) => [Date.parse(s.start), s.modes])).toContainEqual([nine, ["online"]]);
    }
    await runJobsOnce(Date.now());
    // Y is free at nine, but no room is: Y's next free centre session is the hour after.
    expect(nextOf(y.id)).toBe(nine + HOUR);

    await cancel(booking.id);
    expect(staleAvailability(db, Date.now())).toContain(y.id);
    await runJobsOnce(Date.now());
    expect(nextOf(y.id)).toBe(nine);
  });
});
