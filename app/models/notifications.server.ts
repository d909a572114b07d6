// Notifications: every booking change writes rows here in its own transaction (an outbox). There is no
// real email/SMS provider: the dev provider marks rows delivered, and staff read them at
// /staff/notifications. A real provider implements `NotificationProvider` and nothing else changes.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { notifications, users } from "../../db/schema";

const ph = sql.placeholder;

// Every booking change notifies two or three people: these run once per recipient.
const q = preparedQueries((db) => ({
  contact: db.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, ph("id"))).prepare(),
  actingFor: db.select({ id: users.id }).from(users).where(and(eq(users.mediatorId, ph("mediatorId")), isNull(users.disabledAt))).prepare(),
  insert: db
    .insert(notifications)
    .values({ userId: ph("userId"), channel: ph("channel"), to: ph("to"), subject: ph("subject"), body: ph("body"), bookingId: ph("bookingId") })
    .prepare(),
}));

/** Where requests to a mediator without an account of their own go: the centre's desk. */
export const CENTRE_DESK = "desk@centre.example";

type Message = { subject: string; body: string; bookingId?: number };

export function notifyUser(tx: Db | Tx, userId: number, message: Message): void {
  const queries = q(tx);
  const u = queries.contact.get({ id: userId });
  if (!u) return;
  const bookingId = message.bookingId ?? null;
  queries.insert.run({ userId, channel: "email", to: u.email, subject: message.subject, body: message.body, bookingId });
  if (u.phone) queries.insert.run({ userId, channel: "sms", to: u.phone, subject: message.subject, body: message.subject, bookingId });
}

/** Notifies every account acting for the mediator, or the centre's desk when there is none. */
export function notifyMediator(tx: Db | Tx, mediatorId: number, message: Message): void {
  const queries = q(tx);
  const accounts = queries.actingFor.all({ mediatorId });
  if (accounts.length === 0)
    queries.insert.run({ userId: null, channel: "email", to: CENTRE_DESK, subject: message.subject, body: message.body, bookingId: message.bookingId ?? null });
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
  await writeTransaction(db, (tx) => {
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
