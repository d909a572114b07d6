// Search's cached "next free time" follows the centre's rooms: when a booking takes the last free room
// at a time, other mediators whose next free slot was a centre session then move on; when it is
// cancelled, they come back.
import { eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { availabilitySettings, rooms, users } from "../../db/schema";

const file = freshDatabase();
const { putAvailability, staleAvailability } = await import("~/models/availability.server");
const { createBooking } = await import("~/models/bookings.server");
const { cancelBooking } = await import("~/models/booking-actions.server");
const { getUserById } = await import("~/models/auth.server");
const { runJobsOnce } = await import("~/jobs.server");
const db = openDb(file);

const X = 21;
const Y = 22;
const HOUR = 3_600_000;
const centreMornings = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "12:00", modes: ["centre"] })),
  overrides: [],
  sessionMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 1,
  horizonDays: 30,
  dailyCap: 3,
};
const nextOf = (id: number) =>
  db.select().from(availabilitySettings).where(eq(availabilitySettings.mediatorId, id)).get()!.nextAvailableAt!;
const party = () => getUserById(db.select().from(users).where(eq(users.email, "party@example.com")).get()!.id)!;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(() => {
  for (const id of [X, Y]) putAvailability({ mediatorId: id, input: centreMornings });
});

describe("centre rooms and the cached next free time", () => {
  it("with rooms to spare, booking one leaves other mediators' entries alone", () => {
    const t = nextOf(X);
    expect(nextOf(Y)).toBe(t);
    const { booking } = createBooking({
      party: party(),
      input: { mediatorId: X, start: iso(t), mode: "centre", category: "labour", summary: "拖欠工资纠纷" },
    });
    expect(booking.room).not.toBeNull();
    expect(staleAvailability(db, Date.now())).not.toContain(Y);
    cancelBooking({ user: party(), id: booking.id, reason: "改日再约" });
  });

  it("taking the last room moves the others' next free time on; cancelling brings it back", async () => {
    await runJobsOnce();
    const firstRoom = db.select().from(rooms).where(eq(rooms.active, true)).orderBy(rooms.id).get()!;
    db.update(rooms).set({ active: false }).where(ne(rooms.id, firstRoom.id)).run();
    await runJobsOnce();
    const t = nextOf(X);
    expect(nextOf(Y)).toBe(t);

    const { booking } = createBooking({
      party: party(),
      input: { mediatorId: X, start: iso(t), mode: "centre", category: "labour", summary: "拖欠工资纠纷" },
    });
    expect(staleAvailability(db, Date.now())).toContain(Y);
    await runJobsOnce();
    // Y is free at t, but no room is: Y's next free centre session is the hour after.
    expect(nextOf(Y)).toBe(t + HOUR);

    cancelBooking({ user: party(), id: booking.id, reason: "改日再约" });
    expect(staleAvailability(db, Date.now())).toContain(Y);
    await runJobsOnce();
    expect(nextOf(Y)).toBe(t);
  });
});
