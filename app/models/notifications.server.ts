// Notifications: every booking change writes rows here in its own transaction (an outbox). A row says
// what to tell whom as data (a template of the i18n catalogue, its parameters, the recipient's
// language); the sender renders it when it sends, so a model never holds a sentence. There is no real
// email/SMS provider: the dev provider marks rows delivered, and staff read them at
// /staff/notifications. A real provider implements `NotificationProvider` and nothing else changes.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, cases, mediators, notifications, rooms, users } from "../../db/schema";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { Locale } from "../../domain";
import type { User } from "./auth.server";
import { onlineRoomUrl } from "./centre-info.server";
import { DomainError } from "./errors";

const ph = sql.placeholder;

/** Every message the site sends; the catalogue (app/i18n/notifications.ts) has each in both languages. */
export const NOTIFICATION_TEMPLATES = [
  "booking.requested",
  "booking.rescheduleRequested",
  "booking.submitted",
  "booking.confirmed",
  "booking.declined",
  // Centre staff answered for the mediator (issue 9): params add staffName and mediatorName.
  "booking.confirmed-for",
  "booking.declined-for",
  // The fallback (issue 9), to the centre's desk: the suggestion was applied, or the case waits for staff.
  "assignment.applied",
  "assignment.waiting",
  "assignment.recusal-requested",
  // An invitation to claim a mediator's account (issue 9): mediatorName, link, expiresAt.
  "account.claim-invitation",
  // Signing in (issue 11): a one-time code by text message (code, purpose), a password-reset link (link).
  "auth.otp",
  "auth.reset-link",
  "booking.cancelled",
  "booking.expired",
  // The day before and two hours before a confirmed session (kind: "day-before" | "two-hours").
  "booking.reminder",
  "case.filed",
  // A case filed with a town, to that town's staff (issue 9): number, town, category, link.
  "case.town-staff",
  "case.invitation",
  "case.mediator-agreed",
  "case.refused",
  "case.no-mutual-choice",
  "case.closed",
  "case.booking-released",
  "case.instalment-due",
  // The sea (issue 9): a ferry suspension caught a session (to its party, its mediator, the staff), and
  // what the party answered (the mediator is told).
  "sea.suspended-party",
  "sea.suspended-mediator",
  "sea.suspended-staff",
  "sea.moved-online",
  "sea.kept",
  "sea.lifted",
  // Leave over booked sessions (issue 11, ADR 030): the party is offered other times or told of the
  // cancellation; the mediator gets a copy. The waitlist: a free time opened in a party's range.
  "leave.move-offer",
  "leave.cancelled",
  "leave.decided",
  "waitlist.opening",
  // 3+X joint panels (issue 9): a member invited to a seat; the desk told of each answer and the minutes.
  "panel.invited",
  "panel.seat-answered",
  "panel.minutes",
  "panel.cancelled",
  // The booking journey (issue 11, ADR 029): confirmed at once, moving a confirmed session (it stands
  // until the move is confirmed), a time the mediator proposes and the party's answer.
  "booking.instant-confirmed",
  "booking.change-submitted",
  "booking.change-confirmed",
  "booking.change-declined",
  "booking.time-proposed",
  "booking.proposal-accepted",
  "booking.proposal-refused",
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];
/**
 * Times are epoch ms (rendered in words, Beijing time), names as stored. A message about a booking also
 * carries the booking's facts (bookingFacts below): what, when, where or how, who, and the link.
 */
export type NotificationParams = Record<string, string | number | null>;

export interface Message {
  template: NotificationTemplate;
  params: NotificationParams;
  bookingId?: number;
  /** When the change that sends it happened. */
  at: number;
}

const party = alias(users, "party");

// Every booking change notifies two or three people: these run once per recipient.
const q = preparedQueries((db) => ({
  booking: db
    .select({
      start: bookings.startAt,
      end: bookings.endAt,
      mode: bookings.mode,
      town: bookings.town,
      meetingPoint: bookings.meetingPoint,
      room: rooms.name,
      mediatorName: mediators.name,
      partyName: party.name,
      number: cases.number,
      caseId: bookings.caseId,
    })
    .from(bookings)
    .innerJoin(mediators, eq(mediators.id, bookings.mediatorId))
    .innerJoin(party, eq(party.id, bookings.partyUserId))
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .leftJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(eq(bookings.id, ph("id")))
    .prepare(),
  contact: db
    .select({ email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, ph("id")))
    .prepare(),
  mediatorName: db
    .select({ name: mediators.name })
    .from(mediators)
    .where(eq(mediators.id, ph("id")))
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
      template: ph("template"),
      params: ph("params"),
      locale: ph("locale"),
      bookingId: ph("bookingId"),
      createdAt: ph("at"),
    })
    .prepare(),
}));

/** Where requests to a mediator without an account of their own go: the centre's desk. */
export const CENTRE_DESK = "desk@centre.example";

function insert(tx: Db | Tx, row: { userId: number | null; channel: "email" | "sms"; to: string; locale: Locale }, message: Message) {
  q(tx).insert.run({
    ...row,
    template: message.template,
    params: message.params,
    bookingId: message.bookingId ?? null,
    at: new Date(message.at),
  });
}

/**
 * What every message about a booking says whatever its template: when (start, end), where or how (mode,
 * town, meeting point, room, the online room's link), who (both names), the case number, and the links
 * to the booking page (`link`, and `smsLink`, the short form /b/:id a text message has room for). A
 * message's own params win over these (a reschedule names the new time).
 */
export function bookingFacts(tx: Db | Tx, bookingId: number): NotificationParams {
  const b = q(tx).booking.get({ id: bookingId });
  if (!b) return {};
  const base = env().PUBLIC_URL;
  return {
    ...b,
    bookingId,
    roomLink: b.mode === "online" ? onlineRoomUrl(bookingId) : null,
    link: `${base}/bookings/${bookingId}`,
    smsLink: `${base}/b/${bookingId}`,
  };
}

/** Messages whose facts were added already (notifyMediator hands its completed message to notifyUser). */
const completed = new WeakSet<Message>();

/**
 * The message with its booking's facts (or its case's link) added under the params it already has, and
 * the name of a mediator it names by id only (the desk's assignment messages).
 */
function complete(tx: Db | Tx, message: Message, extra: NotificationParams = {}): Message {
  if (completed.has(message)) return message;
  const caseId = message.params.caseId;
  const facts: NotificationParams =
    message.bookingId !== undefined
      ? bookingFacts(tx, message.bookingId)
      : typeof caseId === "number"
        ? { link: `${env().PUBLIC_URL}/cases/${caseId}` }
        : {};
  const mediatorId = message.params.mediatorId;
  if (typeof mediatorId === "number" && facts.mediatorName === undefined && message.params.mediatorName === undefined) {
    const m = q(tx).mediatorName.get({ id: mediatorId });
    if (m) facts.mediatorName = m.name;
  }
  const done = { ...message, params: { ...facts, ...message.params, ...extra } };
  completed.add(done);
  return done;
}

export function notifyUser(tx: Db | Tx, userId: number, message: Message): void {
  message = complete(tx, message);
  const u = q(tx).contact.get({ id: userId });
  if (!u) return;
  // A party who signs in by phone may have no e-mail address (issue 11).
  if (u.email) insert(tx, { userId, channel: "email", to: u.email, locale: u.locale }, message);
  if (u.phone) insert(tx, { userId, channel: "sms", to: u.phone, locale: u.locale }, message);
}

/** A person without an account (a respondent reached by phone): one text message. */
export function notifyContact(tx: Db | Tx, contact: { phone: string; locale: Locale }, message: Message): void {
  message = complete(tx, message);
  insert(tx, { userId: null, channel: "sms", to: contact.phone, locale: contact.locale }, message);
}

/** Someone reached at an address they gave the centre, who has no account yet (a claim invitation). */
export function notifyAddress(tx: Db | Tx, to: { channel: "email" | "sms"; to: string; locale: Locale }, message: Message): void {
  message = complete(tx, message);
  insert(tx, { userId: null, ...to }, message);
}

/** Notifies every account acting for the mediator, or the centre's desk (in Chinese) when there is none. */
export function notifyMediator(tx: Db | Tx, mediatorId: number, message: Message): void {
  // The mediator's side reads the party's name where a party reads the mediator's.
  message = complete(tx, message, { audience: "mediator" });
  const accounts = q(tx).actingFor.all({ mediatorId });
  if (accounts.length === 0) insert(tx, { userId: null, channel: "email", to: CENTRE_DESK, locale: "zh" }, message);
  for (const a of accounts) notifyUser(tx, a.id, message);
}

export type NotificationRow = typeof notifications.$inferSelect;
/** The text of a row in its language: the SMS carries the subject only. */
export type Renderer = (n: NotificationRow) => { subject: string; body: string };

export interface NotificationProvider {
  send(n: NotificationRow & { subject: string; body: string }): Promise<void>;
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
 * Sends what is waiting, as of `now`. Rows are first claimed with a lease in one write transaction, so
 * when several server processes run this side by side each notification is sent once; a failure is
 * recorded and tried again later with back-off. The text sent is stored with the row.
 */
export async function deliverPending({
  db,
  provider,
  render,
  now,
  limit = 100,
}: {
  db: Db;
  provider: NotificationProvider;
  render: Renderer;
  now: number;
  limit?: number;
}): Promise<number> {
  const claimed = await writeTransaction(db, (tx) => {
    const rows = delivery(tx).claimable.all({ now, limit });
    for (const r of rows) delivery(tx).lease.run({ id: r.id, until: now + DELIVERY_LEASE_MS });
    return rows;
  });
  if (claimed.length === 0) return 0;
  const texts = claimed.map((n) => (n.template ? render(n) : { subject: n.subject ?? "", body: n.body ?? "" }));
  const results = await Promise.allSettled(claimed.map((n, i) => provider.send({ ...n, ...texts[i] })));
  // One write transaction for the whole batch: the write lock is shared with bookings.
  await writeTransaction(db, (tx) => {
    results.forEach((r, i) => {
      const n = claimed[i];
      const attempts = n.attempts + 1;
      tx.update(notifications)
        .set(
          r.status === "fulfilled"
            ? { deliveredAt: new Date(now), attempts, leaseUntil: null, ...texts[i] }
            : { attempts, lastError: String(r.reason).slice(0, 500), leaseUntil: now + retryDelay(attempts) },
        )
        .where(eq(notifications.id, n.id))
        .run();
    });
  });
  return claimed.length;
}

/** The outbox, newest first: the centre's staff and admins only; anyone else is refused. */
export function listNotifications({ viewer, limit = 200, to }: { viewer: User; limit?: number; to?: string }): NotificationRow[] {
  if (viewer.role !== "staff" && viewer.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff read the outbox");
  return getDb()
    .select()
    .from(notifications)
    .where(to ? eq(notifications.to, to) : undefined)
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
}
