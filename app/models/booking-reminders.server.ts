// Reminders of a confirmed session, to its party and its mediator: the day before (24 hours ahead) and
// two hours before. The background job runs this with `now`. Each (booking, kind) is claimed by inserting
// its booking_reminders row, whose primary key lets one process only win, so processes running the job
// side by side send each reminder once.
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookingReminders, bookings } from "../../db/schema";
import { notifyMediator, notifyUser } from "./notifications.server";

export type ReminderKind = (typeof bookingReminders.$inferSelect)["kind"];

const HOUR = 3_600_000;
/** How long before the start each reminder becomes due. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { "day-before": 24 * HOUR, "two-hours": 2 * HOUR };

export interface DueReminder {
  bookingId: number;
  kind: ReminderKind;
  partyUserId: number;
  mediatorId: number;
  start: number;
}

/**
 * The reminders due at `now`, not sent yet. A reminder is due from its lead time before the start until
 * the next one's (a day-before reminder the job reaches inside the last two hours is not sent: the
 * two-hour one says the same, later). A session booked after a reminder's lead time has begun gets no
 * such reminder: its confirmation was that message. A read.
 */
export function dueBookingReminders(db: Db | Tx, now: number): DueReminder[] {
  const rows = db
    .select({
      bookingId: bookings.id,
      partyUserId: bookings.partyUserId,
      mediatorId: bookings.mediatorId,
      start: bookings.startAt,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .where(and(eq(bookings.status, "confirmed"), gt(bookings.startAt, now), lte(bookings.startAt, now + REMINDER_LEAD_MS["day-before"])))
    .orderBy(bookings.startAt)
    .limit(500)
    .all();
  if (rows.length === 0) return [];
  const sent = new Set(
    db
      .select({ bookingId: bookingReminders.bookingId, kind: bookingReminders.kind })
      .from(bookingReminders)
      .where(
        sql`${bookingReminders.bookingId} in (${sql.join(
          rows.map((r) => sql`${r.bookingId}`),
          sql`, `,
        )})`,
      )
      .all()
      .map((r) => `${r.bookingId}:${r.kind}`),
  );
  const due: DueReminder[] = [];
  for (const r of rows) {
    const kind: ReminderKind = r.start - now <= REMINDER_LEAD_MS["two-hours"] ? "two-hours" : "day-before";
    if (r.createdAt.getTime() > r.start - REMINDER_LEAD_MS[kind]) continue;
    if (sent.has(`${r.bookingId}:${kind}`)) continue;
    due.push({ bookingId: r.bookingId, kind, partyUserId: r.partyUserId, mediatorId: r.mediatorId, start: r.start });
  }
  return due;
}

/** Inside a write transaction: sends the due reminders, each once; returns how many were sent. */
export function sendBookingReminders(tx: Db | Tx, now: number): number {
  let sent = 0;
  for (const r of dueBookingReminders(tx, now)) {
    const claimed = tx.insert(bookingReminders).values({ bookingId: r.bookingId, kind: r.kind, sentAt: now }).onConflictDoNothing().run();
    if (claimed.changes !== 1) continue;
    sent++;
    // The booking's facts (time, place, names, links) are added by the outbox.
    const message = { template: "booking.reminder" as const, params: { kind: r.kind }, bookingId: r.bookingId, at: now };
    notifyUser(tx, r.partyUserId, message);
    notifyMediator(tx, r.mediatorId, message);
  }
  return sent;
}

/** The job's step: takes the write lock only when something is due, and reads again under it. */
export async function remindConfirmedSessions(db: Db, now: number): Promise<number> {
  if (dueBookingReminders(db, now).length === 0) return 0;
  return writeTransaction(db, (tx) => sendBookingReminders(tx, now));
}
