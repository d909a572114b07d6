// Factories for the messages tests (issue 11): a session booked at a given time, made at a given time.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { bookings } from "../db/schema";
import type { ModeSlug } from "../domain";
import { createBooking } from "./factories";

/**
 * A booking of `mediatorId` for `partyUserId` starting at `start`, whose row says it was made at
 * `madeAt` (the factory's own row is stamped with the real clock), confirmed unless told otherwise.
 */
export function bookedSession(
  db: Db,
  o: {
    partyUserId: number;
    mediatorId: number;
    start: number;
    madeAt: number;
    mode?: ModeSlug;
    status?: "pending" | "confirmed" | "cancelled";
    meetingPoint?: string;
  },
) {
  const row = createBooking(db, {
    partyUserId: o.partyUserId,
    mediatorId: o.mediatorId,
    start: o.start,
    mode: o.mode ?? "online",
    status: o.status === "pending" ? "pending" : "confirmed",
    now: o.madeAt,
  });
  db.update(bookings)
    .set({
      createdAt: new Date(o.madeAt),
      meetingPoint: o.meetingPoint ?? null,
      ...(o.status === "cancelled" ? { status: "cancelled" as const, cancelReason: "测试取消", cancelledBy: "party" as const } : {}),
    })
    .where(eq(bookings.id, row.id))
    .run();
  return db.select().from(bookings).where(eq(bookings.id, row.id)).get()!;
}
