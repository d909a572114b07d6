// The sea (issue 9): ferries to the island towns stop in typhoons and gales. Staff declare a suspension
// for some island towns and a time range; every centre or on-site session in that range whose party or
// mediator must cross the water is recorded here and resolved (moved online, rescheduled, kept,
// cancelled with a reason), never cancelled silently. Times are epoch ms.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SEA_SESSION_ACTIONS } from "../../domain";
import { users } from "./accounts";
import { bookings } from "./bookings";

export const seaSuspensions = sqliteTable(
  "sea_suspensions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Town slugs (island towns) the ferries do not reach. */
    towns: text("towns", { mode: "json" }).$type<string[]>().notNull(),
    fromAt: integer("from_at").notNull(),
    toAt: integer("to_at").notNull(),
    note: text("note").notNull().default(""),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    /** Lifted early (the weather cleared). */
    liftedAt: integer("lifted_at"),
  },
  (t) => [index("sea_suspensions_time_idx").on(t.fromAt, t.toAt)],
);

/** A session a suspension caught, and what became of it. */
export const seaSuspensionSessions = sqliteTable(
  "sea_suspension_sessions",
  {
    suspensionId: integer("suspension_id")
      .notNull()
      .references(() => seaSuspensions.id),
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    /** Who must cross the water: the party (an island town) or the mediator (an on-site session there). */
    crossing: text("crossing", { enum: ["party", "mediator", "both"] }).notNull(),
    action: text("action", { enum: SEA_SESSION_ACTIONS }).notNull().default("flagged"),
    /** The offer made to the party: the same time online (start, epoch ms) when the mediator can. */
    offeredOnlineAt: integer("offered_online_at"),
    resolvedAt: integer("resolved_at"),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.suspensionId, t.bookingId] }), index("sea_suspension_sessions_booking_idx").on(t.bookingId)],
);
