// Town staff (issue 9): a case filed with a town concerns that town's duties, so the staff of that
// town's office (users with role staff and that town_slug) are told at once, through the notification
// outbox, each in their own language (DOMAIN.md: "its staff are told to come to the centre at once").
// An admin sets which town a staff member's office is; the change is in the account log.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { accountEvents, users } from "../../db/schema";
import { TOWN_SLUGS, type TownSlug } from "../../domain";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { DomainError } from "./errors";
import { notifyUser } from "./notifications.server";

/**
 * Inside the filing's write transaction: one notification (e-mail, and a text when they have a phone)
 * to every active staff member of the case's town. Returns how many were told; none without a town.
 * The message names the case, its category and town, never a party.
 */
export function notifyTownStaff(
  tx: Db | Tx,
  c: { id: number; number: string; town: string | null | undefined; category: string },
  now: number,
): number {
  if (!c.town) return 0;
  const staff = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "staff"), eq(users.townSlug, c.town), isNull(users.disabledAt)))
    .orderBy(users.id)
    .all();
  for (const s of staff)
    notifyUser(tx, s.id, {
      template: "case.town-staff",
      params: { caseId: c.id, number: c.number, town: c.town, category: c.category, link: `${env().PUBLIC_URL}/cases/${c.id}` },
      at: now,
    });
  return staff.length;
}

/** The admin form's field: a town's slug, or empty for none. */
export const staffTownSchema = z.union([z.enum(TOWN_SLUGS), z.literal("").transform(() => null)]);

function requireAdmin(by: User) {
  if (by.role !== "admin") throw new DomainError("forbidden", "Only an administrator sets a staff member's town");
}

/** Sets (or clears, with null) the town whose cases a staff account is told of; audited. */
export async function setStaffTown({ by, userId, town, now }: { by: User; userId: number; town: TownSlug | null; now: number }) {
  requireAdmin(by);
  await writeTransaction(getDb(), (tx) => {
    const row = tx.select({ role: users.role, townSlug: users.townSlug }).from(users).where(eq(users.id, userId)).get();
    if (!row) throw new DomainError("not_found", "No such account");
    if (row.role !== "staff") throw new DomainError("illegal_transition", "Only a staff account has a town");
    if (row.townSlug === town) return;
    tx.update(users)
      .set({ townSlug: town, updatedAt: new Date(now) })
      .where(eq(users.id, userId))
      .run();
    tx.insert(accountEvents)
      .values({ userId, actorUserId: by.id, at: now, event: "town-changed", before: { town: row.townSlug }, after: { town } })
      .run();
  });
}

/** Each staff account's town, for the admin page (accounts without one are left out). */
export function staffTowns({ by }: { by: User }): Record<number, string> {
  requireAdmin(by);
  const rows = getDb()
    .select({ id: users.id, town: users.townSlug })
    .from(users)
    .where(and(eq(users.role, "staff"), isNotNull(users.townSlug)))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.town!]));
}
