// A mediator's weekly hours, date overrides and booking rules; the centre's rooms.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";
import { mediators } from "./pool";

/** The booking rules of one mediator (Cal.com: properties of what is booked). */
export const availabilitySettings = sqliteTable(
  "availability_settings",
  {
    mediatorId: integer("mediator_id")
      .primaryKey()
      .references(() => mediators.id, { onDelete: "cascade" }),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    sessionMinutes: integer("session_minutes").notNull().default(60),
    bufferMinutes: integer("buffer_minutes").notNull().default(15),
    minNoticeHours: integer("min_notice_hours").notNull().default(24),
    horizonDays: integer("horizon_days").notNull().default(60),
    dailyCap: integer("daily_cap").notNull().default(4),
    /**
     * The mediator confirms requests at once (issue 11): only such a mediator can be booked for a time
     * too close to answer a request comfortably before it (see domain/answer-deadline).
     */
    instantConfirm: integer("instant_confirm", { mode: "boolean" }).notNull().default(false),
    /** Cached earliest bookable start (epoch ms), recomputed on every change and as the clock passes it. */
    nextAvailableAt: integer("next_available_at"),
    /** When that cached value stops being bookable (start − minimum notice): the clock job's trigger. */
    nextAvailableValidUntil: integer("next_available_valid_until"),
    ...timestamps,
  },
  (t) => [index("availability_valid_until_idx").on(t.nextAvailableValidUntil)],
);

/** Weekly hours in the mediator's zone; weekday 1 = Monday … 7 = Sunday; end < start crosses midnight. */
export const availabilityWeekly = sqliteTable(
  "availability_weekly",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    weekday: integer("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
    modes: text("modes", { mode: "json" }).$type<string[]>().notNull(),
    towns: text("towns", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
  },
  (t) => [index("availability_weekly_mediator_idx").on(t.mediatorId)],
);

/** Date overrides: a day off (unavailable) or extra/replacement hours on that date. */
export const availabilityOverrides = sqliteTable(
  "availability_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    date: text("date").notNull(), // YYYY-MM-DD in the mediator's zone
    unavailable: integer("unavailable", { mode: "boolean" }).notNull().default(false),
    startMinute: integer("start_minute"),
    endMinute: integer("end_minute"),
    modes: text("modes", { mode: "json" }).$type<string[]>(),
    towns: text("towns", { mode: "json" }).$type<string[]>(),
  },
  (t) => [index("availability_overrides_mediator_idx").on(t.mediatorId, t.date)],
);

/** Rooms at the centre: a `centre` session needs one free. */
export const rooms = sqliteTable("rooms", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});
