// Notifications: every booking change writes rows here in its own transaction (an outbox). There is no
// real email/SMS provider: the dev provider marks rows delivered, and staff read them at
// /staff/notifications. A real provider implements `NotificationProvider` and nothing else changes.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notifications, users } from "../../db/schema";

/** The db or a transaction: anything that can read users and write notifications. */
type Writer = Pick<Db, "insert" | "select">;

/** Where requests to a mediator without an account of their own go: the centre's desk. */
export const CENTRE_DESK = "desk@centre.example";

export function notifyUser(tx: Writer, userId: number, message: { subject: string; body: string; bookingId?: number }): void {
  const u = tx.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId)).get();
  if (!u) return;
  tx.insert(notifications).values({ userId, channel: "email", to: u.email, ...message }).run();
  if (u.phone) tx.insert(notifications).values({ userId, channel: "sms", to: u.phone, subject: message.subject, body: message.subject, bookingId: message.bookingId }).run();
}

/** Notifies every account acting for the mediator, or the centre's desk when there is none. */
export function notifyMediator(tx: Writer, mediatorId: number, message: { subject: string; body: string; bookingId?: number }): void {
  const accounts = tx.select({ id: users.id }).from(users).where(and(eq(users.mediatorId, mediatorId), isNull(users.disabledAt))).all();
  if (accounts.length === 0) tx.insert(notifications).values({ channel: "email", to: CENTRE_DESK, ...message }).run();
  for (const a of accounts) notifyUser(tx, a.id, message);
}

export interface NotificationProvider {
  send(n: typeof notifications.$inferSelect): Promise<void>;
}

/** Sends nothing: the table is the record of what would have been sent. */
export const devProvider: NotificationProvider = { send: async () => {} };

export async function deliverPending(db: Db, provider: NotificationProvider, limit = 100): Promise<number> {
  const pending = db.select().from(notifications).where(isNull(notifications.deliveredAt)).limit(limit).all();
  if (pending.length === 0) return 0;
  const results = await Promise.allSettled(pending.map((n) => provider.send(n)));
  // One write transaction for the whole batch: the write lock is shared with bookings.
  db.transaction((tx) => {
    results.forEach((r, i) => {
      const n = pending[i];
      tx.update(notifications)
        .set(r.status === "fulfilled" ? { deliveredAt: new Date(), attempts: n.attempts + 1 } : { attempts: n.attempts + 1, lastError: String(r.reason).slice(0, 500) })
        .where(eq(notifications.id, n.id))
        .run();
    });
  });
  return pending.length;
}

export function listNotifications(db: Db, opts: { limit?: number; to?: string } = {}) {
  return db
    .select()
    .from(notifications)
    .where(opts.to ? eq(notifications.to, opts.to) : undefined)
    .orderBy(desc(notifications.id))
    .limit(opts.limit ?? 200)
    .all();
}
