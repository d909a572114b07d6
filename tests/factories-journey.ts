// Factories for the booking journey's tests (issue 11): a mediator who confirms at once, and a slot hold
// written as a row. The data is made here, never taken from the demo seed.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { availabilitySettings, slotHolds } from "../db/schema";
import { holderHash } from "../app/models/slot-holds.server";

/** The mediator confirms requests at once (availability_settings.instant_confirm). */
export function makeInstant(db: Db, mediatorId: number): void {
  db.update(availabilitySettings).set({ instantConfirm: true }).where(eq(availabilitySettings.mediatorId, mediatorId)).run();
}

/** A hold of `key`'s browser on a mediator's time, expiring at `expiresAt`. */
export function createHold(db: Db, o: { mediatorId: number; start: number; end: number; key: string; expiresAt: number; now: number }): void {
  db.insert(slotHolds)
    .values({
      mediatorId: o.mediatorId,
      startAt: o.start,
      endAt: o.end,
      holderHash: holderHash(o.key),
      expiresAt: o.expiresAt,
      createdAt: o.now,
    })
    .run();
}
