// 3+X joint panels (会商研判, issue 9; ADR 027). Who can sit in which seat (panel_roles), the panel of a
// major or group case with its booking (the booking's participants hold everyone's time), its seats
// and their answers, and its minutes (会商纪要) with the outcome. Times are epoch ms.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PANEL_MEMBER_STATUSES, PANEL_OUTCOMES, PANEL_ROLES, PANEL_STATUSES, PERSON_ROLES } from "../../domain/panel";
import { users } from "./accounts";
import { rooms } from "./availability";
import { bookings } from "./bookings";
import { cases } from "./cases";
import { categories, mediators } from "./pool";

/**
 * A person (a row of mediators, listed in the public pool or not) who can take a role on a panel;
 * a department representative for one category. A pool mediator may hold a role too. The
 * pre-litigation team's roles live here as well (ADR 035): the same people, the same way of holding one.
 */
export const panelRoles = sqliteTable(
  "panel_roles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    role: text("role", { enum: PERSON_ROLES }).notNull(),
    /** For `department`: the category whose department the person represents; null otherwise. */
    category: text("category_slug").references(() => categories.slug),
  },
  (t) => [
    index("panel_roles_role_idx").on(t.role, t.category),
    uniqueIndex("panel_roles_person_role_idx").on(t.personId, t.role, t.category),
  ],
);

/** Why a role was granted or removed: who, when (ADR 038). Kept when the role row itself is deleted. */
export const PERSON_ROLE_CHANGES = ["granted", "removed"] as const;

export const personRoleEvents = sqliteTable(
  "person_role_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => mediators.id),
    role: text("role", { enum: PERSON_ROLES }).notNull(),
    category: text("category_slug").references(() => categories.slug),
    change: text("change", { enum: PERSON_ROLE_CHANGES }).notNull(),
    byUserId: integer("by_user_id")
      .notNull()
      .references(() => users.id),
    at: integer("at").notNull(), // epoch ms
  },
  (t) => [index("person_role_events_person_idx").on(t.personId)],
);

export const panels = sqliteTable(
  "panels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** The booking that holds the time of every seat and the room. */
    bookingId: integer("booking_id")
      .notNull()
      .references(() => bookings.id),
    roomId: integer("room_id")
      .notNull()
      .references(() => rooms.id),
    status: text("status", { enum: PANEL_STATUSES }).notNull().default("booked"),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    /** The minutes (会商纪要) once recorded: entries of who said what, the plan, dissent, the outcome. */
    minutesEntries: text("minutes_entries", { mode: "json" }).$type<{ personId: number | null; speaker: string; said: string }[]>(),
    plan: text("plan"),
    dissent: text("dissent"),
    outcome: text("outcome", { enum: PANEL_OUTCOMES }),
    minutesByUserId: integer("minutes_by_user_id").references(() => users.id),
    minutesAt: integer("minutes_at"),
  },
  (t) => [index("panels_case_idx").on(t.caseId), uniqueIndex("panels_booking_idx").on(t.bookingId)],
);

/** A seat: who sits in which role, invited, then confirmed or declined (by them, or by staff for them). */
export const panelMembers = sqliteTable(
  "panel_members",
  {
    panelId: integer("panel_id")
      .notNull()
      .references(() => panels.id),
    personId: integer("person_id")
      .notNull()
      .references(() => mediators.id),
    role: text("role", { enum: PANEL_ROLES }).notNull(),
    category: text("category_slug").references(() => categories.slug),
    /** The order of the seats as composed (the 3 first, then the X). */
    position: integer("position").notNull(),
    status: text("status", { enum: PANEL_MEMBER_STATUSES }).notNull().default("invited"),
    respondedAt: integer("responded_at"),
    /** Staff who answered for the member (by phone); null when the member answered themselves. */
    respondedByUserId: integer("responded_by_user_id").references(() => users.id),
  },
  (t) => [uniqueIndex("panel_members_seat_idx").on(t.panelId, t.personId), index("panel_members_person_idx").on(t.personId)],
);
