// Reminders of confirmed sessions (issue 11): the day before and two hours before, to the party and the
// mediator, each once however often (and however many processes) the job runs; none for a cancelled
// booking, and no day-before reminder for a session booked less than a day ahead. The clock is injected.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookingReminders, notifications } from "../../db/schema";
import { createMediator, createParty } from "../factories";
import { bookedSession } from "../factories-messages";

const file = freshDatabase();
const { remindConfirmedSessions, sendBookingReminders, dueBookingReminders } = await import("~/models/booking-reminders.server");
const { renderNotification } = await import("~/i18n/notifications");
const db = openDb(file);

const HOUR = 3_600_000;
/** The injected clock: a whole hour a week from the real one (any date works). */
const T0 = Math.ceil(Date.now() / HOUR) * HOUR + 7 * 24 * HOUR;

const party = createParty(db, { phone: "13800138000" });
const mediator = createMediator(db, { now: T0 - 10 * 24 * HOUR, account: true });
/** Each test books its own sessions a few days apart, so no two overlap. */
let day = 0;
const session = (o: { startIn: number; madeBefore: number; status?: "confirmed" | "cancelled" | "pending" }) => {
  const start = T0 + day++ * 3 * 24 * HOUR + o.startIn;
  const booking = bookedSession(db, {
    partyUserId: party.user.id,
    mediatorId: mediator.id,
    start,
    madeAt: start - o.madeBefore,
    status: o.status,
  });
  return { booking, start };
};
const remindersOf = (bookingId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.bookingId, bookingId), eq(notifications.template, "booking.reminder")))
    .all();

beforeAll(() => {
  expect(mediator.account).toBeDefined();
});

describe("booking reminders", () => {
  it("sends the day-before reminder once, to the party (e-mail and text) and the mediator", async () => {
    const { booking, start } = session({ startIn: 0, madeBefore: 5 * 24 * HOUR });
    const now = start - 23 * HOUR;
    expect(await remindConfirmedSessions(db, now)).toBe(1);
    expect(await remindConfirmedSessions(db, now + 60_000)).toBe(0);
    const rows = remindersOf(booking.id);
    expect(rows.map((r) => [r.userId, r.channel]).sort()).toEqual(
      [
        [party.user.id, "email"],
        [party.user.id, "sms"],
        [mediator.account!.user.id, "email"],
      ].sort(),
    );
    expect(rows.every((r) => r.params?.kind === "day-before")).toBe(true);
    const sms = rows.find((r) => r.channel === "sms")!;
    expect(renderNotification(sms).body).toMatch(/^【调解点单】提醒：\d+月\d+日（周.）(凌晨|上午|中午|下午|晚上)\d+:\d\d调解，/);
  });

  it("sends the two-hour reminder after the day-before one, then nothing more", async () => {
    const { booking, start } = session({ startIn: 0, madeBefore: 3 * 24 * HOUR });
    expect(await remindConfirmedSessions(db, start - 20 * HOUR)).toBe(1);
    expect(await remindConfirmedSessions(db, start - 3 * HOUR)).toBe(0);
    expect(await remindConfirmedSessions(db, start - 90 * 60_000)).toBe(1);
    expect(await remindConfirmedSessions(db, start - 30 * 60_000)).toBe(0);
    expect(
      db
        .select()
        .from(bookingReminders)
        .where(eq(bookingReminders.bookingId, booking.id))
        .all()
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["day-before", "two-hours"]);
    expect(remindersOf(booking.id)).toHaveLength(6);
  });

  it("sends nothing for a cancelled or a pending booking", async () => {
    const cancelled = session({ startIn: 0, madeBefore: 3 * 24 * HOUR, status: "cancelled" });
    expect(await remindConfirmedSessions(db, cancelled.start - 20 * HOUR)).toBe(0);
    expect(await remindConfirmedSessions(db, cancelled.start - HOUR)).toBe(0);
    const pending = session({ startIn: 0, madeBefore: 3 * 24 * HOUR, status: "pending" });
    expect(await remindConfirmedSessions(db, pending.start - 20 * HOUR)).toBe(0);
    expect(remindersOf(cancelled.booking.id).length + remindersOf(pending.booking.id).length).toBe(0);
  });

  it("gives a session booked an hour ahead no day-before reminder", async () => {
    const { booking, start } = session({ startIn: 0, madeBefore: HOUR });
    expect(dueBookingReminders(db, start - 50 * 60_000)).toEqual([]);
    expect(await remindConfirmedSessions(db, start - 50 * 60_000)).toBe(0);
    expect(remindersOf(booking.id)).toHaveLength(0);
  });

  it("gives a session booked five hours ahead its two-hour reminder only", async () => {
    const { booking, start } = session({ startIn: 0, madeBefore: 5 * HOUR });
    expect(await remindConfirmedSessions(db, start - 4 * HOUR)).toBe(0);
    expect(await remindConfirmedSessions(db, start - 2 * HOUR)).toBe(1);
    expect(remindersOf(booking.id).map((r) => r.params?.kind)).toEqual(["two-hours", "two-hours", "two-hours"]);
  });

  it("a second sender after the first finds the reminders claimed and sends none", async () => {
    const a = session({ startIn: 0, madeBefore: 4 * 24 * HOUR });
    const now = a.start - 22 * HOUR;
    // Two processes' transactions, one after the other on the write lock: the second finds them claimed.
    const first = db.transaction((tx) => sendBookingReminders(tx, now));
    const second = db.transaction((tx) => sendBookingReminders(tx, now));
    expect([first, second]).toEqual([1, 0]);
    expect(remindersOf(a.booking.id)).toHaveLength(3);
    expect(
      db
        .select()
        .from(bookingReminders)
        .where(inArray(bookingReminders.bookingId, [a.booking.id]))
        .all(),
    ).toHaveLength(1);
  });
});
