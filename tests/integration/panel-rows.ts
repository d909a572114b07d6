// What a panel race leaves in the database, counted: the two race tests compare these before and after
// (exactly the single booking and its participant added; nothing of the panel or the replacement).
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bookingParticipants, bookings, notifications, panelMembers, panels } from "../../db/schema";

export const panelRowCounts = (db: Db) => ({
  bookings: db.select().from(bookings).all().length,
  participants: db.select().from(bookingParticipants).all().length,
  panels: db.select().from(panels).all().length,
  seats: db.select().from(panelMembers).all().length,
  invitations: db.select().from(notifications).where(eq(notifications.template, "panel.invited")).all().length,
});
