// Notifications: every booking change writes rows here in its own transaction (an outbox). There is no
// real email/SMS provider: the dev provider marks rows delivered, and staff read them at
// /staff/notifications. A real provider implements `NotificationProvider` and nothing else changes.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { notifications, users } from "../../db/schema";

const ph = sql.placeholder;

// Every booking change notifies two or three people: these run once per recipient.
const q = preparedQueries((db) => ({
  contact: db
    .select({ email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, ph("id")))
    .prepare(),
  actingFor: db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.mediatorId, ph("mediatorId")), isNull(users.disabledAt)))
    .prepare(),
  insert: db
    .insert(notifications)
    .values({
      userId: ph("userId"),
      channel: ph("channel"),
      to: ph("to"),
      subject: ph("subject"),
      body: ph("body"),
      bookingId: ph("bookingId"),
    })
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
    queries.insert.run({
      userId: null,
      channel: "email",
      to: CENTRE_DESK,
      subject: message.subject,
      body: message.body,
      bookingId: message.bookingId ?? null,
    });
  for (const a of accounts) notifyUser(tx, a.id, message);
}

export interface NotificationProvider {
  send(n: typeof notifications.$inferSelect): Promise<void>;
}

/** Sends nothing: the table is the record of what would have been sent. */
export const devProvider: NotificationProvider = { send: async () => {} };

/** How long a sender holds the rows it claimed; a process that dies mid-send frees them by then. */
export const DELIVERY_LEASE_MS = 60_000;
/** After a failed attempt: 10 s, 20 s, 40 s … at most an hour. */
const retryDelay = (attempts: number) => Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const delivery = preparedQueries((db) => ({
  claimable: db
    .select()
    .from(notifications)
    .where(
      and(isNull(notifications.deliveredAt), sql`(${notifications.leaseUntil} is null or ${notifications.leaseUntil} <= ${ph("now")})`),
    )
    .orderBy(notifications.id)
    .limit(ph("limit"))
    .prepare(),
  lease: db
    .update(notifications)
    .set({ leaseUntil: sql`${ph("until")}` })
    .where(eq(notifications.id, ph("id")))
    .prepare(),
}));

/**
 * Sends what is waiting. Rows are first claimed with a lease in one write transaction, so when several
 * server processes run this side by side each notification is sent once; a failure is recorded and
 * tried again later with back-off.
 */
export async function deliverPending(db: Db, provider: NotificationProvider, limit = 100, now = Date.now()): Promise<number> {
  const claimed = await writeTransaction(db, (tx) => {
    const rows = delivery(tx).claimable.all({ now, limit });
    for (const r of rows) delivery(tx).lease.run({ id: r.id, until: now + DELIVERY_LEASE_MS });
    return rows;
  });
  if (claimed.length === 0) return 0;
  const results = await Promise.allSettled(claimed.map((n) => provider.send(n)));
  // One write transaction for the whole batch: the write lock is shared with bookings.
  await writeTransaction(db, (tx) => {
    results.forEach((r, i) => {
      const n = claimed[i];
      const attempts = n.attempts + 1;
      tx.update(notifications)
        .set(
          r.status === "fulfilled"
            ? { deliveredAt: new Date(), attempts, leaseUntil: null }
            : { attempts, lastError: String(r.reason).slice(0, 500), leaseUntil: Date.now() + retryDelay(attempts) },
        )
        .where(eq(notifications.id, n.id))
        .run();
    });
  });
  return claimed.length;
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
