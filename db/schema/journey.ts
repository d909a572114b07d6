// The party's journey (issue 11): a time held while a party signs in, "tell me if an earlier time
// opens", mediators' private calendar feeds and the reminders already sent. Times are epoch ms.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { MODE_SLUGS } from "../../domain";
import { users } from "./accounts";
import { bookings } from "./bookings";
import { committees, mediators } from "./pool";

/**
 * A time a visitor picked before signing in or registering: held for a few minutes for that browser
 * (the holder key is a random value in its cookie, stored hashed) so nobody else books it meanwhile.
 * Exactly one of mediatorId and committeeId is set. A hold that expires simply stops counting.
 */
export const slotHolds = sqliteTable(
  "slot_holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id").references(() => mediators.id),
    committeeId: integer("committee_id").references(() => committees.id),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    mode: text("mode", { enum: MODE_SLUGS }),
    holderHash: text("holder_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("slot_holds_mediator_idx").on(t.mediatorId, t.startAt), index("slot_holds_holder_idx").on(t.holderHash)],
);

/** "Tell me if an earlier time opens": a party watches a mediator (or committee) over a range of days. */
export const waitlistEntries = sqliteTable(
  "waitlist_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    mediatorId: integer("mediator_id").references(() => mediators.id),
    committeeId: integer("committee_id").references(() => committees.id),
    /** Local dates (YYYY-MM-DD) in the centre's zone, inclusive. */
    fromDate: text("from_date").notNull(),
    toDate: text("to_date").notNull(),
    mode: text("mode", { enum: MODE_SLUGS }),
    createdAt: integer("created_at").notNull(),
    /** The last free start we told the party about (so one opening is told once). */
    notifiedStartAt: integer("notified_start_at"),
    notifiedAt: integer("notified_at"),
    cancelledAt: integer("cancelled_at"),
  },
  (t) => [index("waitlist_mediator_idx").on(t.mediatorId, t.cancelledAt), index("waitlist_user_idx").on(t.userId)],
);

/** A mediator's private calendar feed (webcal/ICS) URL: the token is shown once and stored hashed; revocable. */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash), index("calendar_feeds_user_idx").on(t.userId)],
);

/** Reminders sent (the day before, two hours before): the key makes each one idempotent across processes. */
export const bookingReminders = sqliteTable(
  "booking_reminders",
  {
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    kind: text("kind", { enum: ["day-before", "two-hours"] }).notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.kind] })],
);
