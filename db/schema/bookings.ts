// The bookings of a case's sessions, and the notifications every change writes (an outbox).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BOOKING_STATUSES, CANCELLED_BY, CHANNELS, LOCALES, MODE_SLUGS } from "../../domain";
import { PARTICIPANT_ROLES } from "../../domain/panel";
import { cases } from "./cases";
import { timestamps } from "./columns";
import { users } from "./accounts";
import { rooms } from "./availability";
import { committees, mediators, towns } from "./pool";

export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    partyUserId: integer("party_user_id")
      .notNull()
      .references(() => users.id),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    /** Set when the party ordered a committee and the centre's rotation picked the member. */
    committeeId: integer("committee_id").references(() => committees.id),
    roomId: integer("room_id").references(() => rooms.id),
    startAt: integer("start_at").notNull(), // epoch ms, UTC
    endAt: integer("end_at").notNull(),
    mode: text("mode", { enum: MODE_SLUGS }).notNull(),
    town: text("town_slug").references(() => towns.slug),
    status: text("status", { enum: BOOKING_STATUSES }).notNull().default("pending"),
    /** Why this mediator: "picked" by the party, or "committee-rotation". */
    assignmentReason: text("assignment_reason").notNull().default("picked"),
    respondBy: integer("respond_by").notNull(),
    idempotencyKey: text("idempotency_key"),
    declineReason: text("decline_reason"),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by", { enum: CANCELLED_BY }),
    rescheduledFromId: integer("rescheduled_from_id"),
    /**
     * Set when centre staff took the mediator's step (confirm, decline) for them: the mediator has no
     * account or cannot be reached online. Null when the mediator answered themselves.
     */
    actedByUserId: integer("acted_by_user_id").references(() => users.id),
    /**
     * The mediator side declined this time and proposed another free one instead (epoch ms): the party
     * books it with one click, or picks something else.
     */
    proposedStartAt: integer("proposed_start_at"),
    /** On site: where to meet in the town, and a phone to reach the party there (personal data). */
    meetingPoint: text("meeting_point"),
    contactPhone: text("contact_phone"),
    ...timestamps,
  },
  (t) => [
    index("bookings_mediator_time_idx").on(t.mediatorId, t.startAt),
    index("bookings_room_time_idx").on(t.roomId, t.startAt),
    index("bookings_party_idx").on(t.partyUserId),
    index("bookings_pending_idx").on(t.status, t.respondBy),
    uniqueIndex("bookings_idempotency_idx").on(t.partyUserId, t.idempotencyKey),
  ],
);

/**
 * Everyone a booking holds time for (ADR 027): the booking's mediator (a row kept by triggers from
 * bookings.mediator_id) and, for a panel, every seat. No person is in two overlapping active rows: a
 * trigger raises `slot_taken` (migration 0015). `active` follows the booking's status (pending or
 * confirmed) and, for a seat, that it was not declined.
 */
export const bookingParticipants = sqliteTable(
  "booking_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    personId: integer("person_id")
      .notNull()
      .references(() => mediators.id),
    role: text("role", { enum: PARTICIPANT_ROLES }).notNull(),
    startAt: integer("start_at").notNull(),
    endAt: integer("end_at").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** A seat's answer: confirmed or declined (a declined seat holds no time). Epoch ms. */
    confirmedAt: integer("confirmed_at"),
    declinedAt: integer("declined_at"),
  },
  (t) => [
    index("booking_participants_person_time_idx").on(t.personId, t.startAt),
    uniqueIndex("booking_participants_booking_person_idx").on(t.bookingId, t.personId),
  ],
);

/**
 * Notifications outbox: every booking change writes one row per recipient in its transaction.
 * No real provider: the dev provider marks rows delivered and staff read them at /staff/notifications.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    to: text("to_address").notNull(),
    /**
     * What to say, as data: a template of the i18n catalogue and its parameters, written in the
     * recipient's language. Subject and body are the text as rendered when it was sent.
     */
    template: text("template"),
    params: text("params", { mode: "json" }).$type<Record<string, string | number | null>>(),
    locale: text("locale", { enum: LOCALES }).notNull().default("zh"),
    subject: text("subject"),
    body: text("body"),
    bookingId: integer("booking_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * Epoch ms until which one process's sender holds the row (so two processes never send it twice),
     * and after a failed attempt, when to try again.
     */
    leaseUntil: integer("lease_until"),
  },
  (t) => [index("notifications_pending_idx").on(t.deliveredAt)],
);
