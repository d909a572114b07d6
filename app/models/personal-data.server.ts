// A party's own data (issue 11, 个人信息保护法 arts. 45 and 47, ADR 024): a copy of everything kept about
// them, and its deletion. Deleting keeps what the closed cases' records need (the rows, their states,
// outcomes, sessions and ratings, so every mediator's figures stay as they were) but without the
// person: the account's name, phone and e-mail are replaced, its sessions revoked, their own party rows
// of closed cases anonymised and the messages sent to them emptied. A case still open is the centre's
// work in progress with another side waiting: it must be withdrawn (or close) first, and the deletion
// is refused with its numbers. Both are recorded in account_events (no personal data in the row).
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { accountEvents, bookings, caseParties, cases, notifications, otpCodes, ratings, sessions, users } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { DomainError } from "./errors";

/** What an anonymised account and party row are called from then on (data, shown as it is). */
export const ANONYMISED_NAME = "已注销用户";

/** The cases a person is a party to: filed by them, or a party row linked to their account. */
function caseIdsOf(db: ReturnType<typeof getDb>, userId: number): number[] {
  const filed = db.select({ id: cases.id }).from(cases).where(eq(cases.filedByUserId, userId)).all();
  const joined = db.select({ id: caseParties.caseId }).from(caseParties).where(eq(caseParties.userId, userId)).all();
  return [...new Set([...filed, ...joined].map((r) => r.id))];
}

/** Everything kept about `viewer` and only them: the other side's rows of a case are left out. */
export async function exportPersonalData({ viewer, now }: { viewer: User; now: number }) {
  const db = getDb();
  const account = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      loginPhone: users.loginPhone,
      role: users.role,
      locale: users.locale,
      consentVersion: users.consentVersion,
      consentAt: users.consentAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, viewer.id))
    .get();
  const ids = caseIdsOf(db, viewer.id);
  const caseRows = ids.length
    ? db
        .select({
          id: cases.id,
          number: cases.number,
          category: cases.category,
          description: cases.description,
          status: cases.status,
          outcome: cases.outcome,
          createdAt: cases.createdAt,
          closedAt: cases.closedAt,
        })
        .from(cases)
        .where(inArray(cases.id, ids))
        .all()
    : [];
  const ownParties = db
    .select({
      caseId: caseParties.caseId,
      side: caseParties.side,
      name: caseParties.name,
      phone: caseParties.phone,
      consent: caseParties.consent,
    })
    .from(caseParties)
    .where(eq(caseParties.userId, viewer.id))
    .all();
  const ownBookings = db
    .select({
      id: bookings.id,
      caseId: bookings.caseId,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      mode: bookings.mode,
      status: bookings.status,
    })
    .from(bookings)
    .where(eq(bookings.partyUserId, viewer.id))
    .all();
  const ownRatings = db
    .select({ caseId: ratings.caseId, stars: ratings.stars, comment: ratings.comment, at: ratings.at })
    .from(ratings)
    .innerJoin(caseParties, eq(caseParties.id, ratings.casePartyId))
    .where(eq(caseParties.userId, viewer.id))
    .all();
  const events = db
    .select({ at: accountEvents.at, event: accountEvents.event })
    .from(accountEvents)
    .where(eq(accountEvents.userId, viewer.id))
    .all();
  await writeTransaction(db, (tx) =>
    tx
      .insert(accountEvents)
      .values({ userId: viewer.id, actorUserId: viewer.id, at: now, event: "data-exported", before: null, after: null })
      .run(),
  );
  const parties = new Map(ownParties.map((p) => [p.caseId, p]));
  return {
    exportedAt: new Date(now).toISOString(),
    account,
    cases: caseRows.map((c) => ({ ...c, you: parties.get(c.id) ?? null })),
    bookings: ownBookings,
    ratings: ownRatings,
    accountEvents: events,
  };
}

/** Thrown when open cases stand in the way; `detail.numbers` names them. */
export class OpenCasesError extends DomainError {
  constructor(readonly numbers: string[]) {
    super("conflict", "Open cases must be withdrawn or closed first");
  }
}

export async function deletePersonalData({ viewer, now }: { viewer: User; now: number }): Promise<void> {
  if (viewer.role !== "party")
    throw new DomainError("forbidden", "Only a party deletes their own account; the centre's accounts are deactivated");
  await writeTransaction(getDb(), (tx) => {
    const ids = caseIdsOf(tx, viewer.id);
    const open = ids.length
      ? tx
          .select({ id: cases.id, number: cases.number })
          .from(cases)
          .where(and(inArray(cases.id, ids), ne(cases.status, "closed")))
          .all()
      : [];
    if (open.length) throw new OpenCasesError(open.map((c) => c.number ?? `#${c.id}`));
    const live = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.partyUserId, viewer.id), inArray(bookings.status, ["pending", "confirmed"])))
      .all();
    if (live.length) throw new OpenCasesError(live.map((b) => `#${b.id}`));

    const before = tx.select({ loginPhone: users.loginPhone }).from(users).where(eq(users.id, viewer.id)).get();
    const changed = tx
      .update(users)
      .set({
        name: ANONYMISED_NAME,
        email: null,
        phone: null,
        loginPhone: null,
        passwordHash: null,
        disabledAt: new Date(now),
        anonymisedAt: now,
        updatedAt: new Date(now),
      })
      .where(and(eq(users.id, viewer.id), isNull(users.anonymisedAt)))
      .run();
    if (changed.changes !== 1) throw new DomainError("illegal_transition", "Already deleted");
    tx.update(sessions)
      .set({ revokedAt: new Date(now) })
      .where(and(eq(sessions.userId, viewer.id), isNull(sessions.revokedAt)))
      .run();
    if (ids.length)
      tx.update(caseParties)
        .set({ name: ANONYMISED_NAME, phone: null, inviteCodeHash: null })
        .where(and(eq(caseParties.userId, viewer.id), inArray(caseParties.caseId, ids)))
        .run();
    // What was sent to them named them and their number: the rows stay (delivery history), emptied.
    tx.update(notifications)
      .set({ to: "-", params: null, subject: null, body: null, template: null })
      .where(or(eq(notifications.userId, viewer.id), before?.loginPhone ? eq(notifications.to, before.loginPhone) : undefined))
      .run();
    if (before?.loginPhone) tx.delete(otpCodes).where(eq(otpCodes.phone, before.loginPhone)).run();
    tx.insert(accountEvents)
      .values({ userId: viewer.id, actorUserId: viewer.id, at: now, event: "data-deleted", before: null, after: { cases: ids.length } })
      .run();
  });
}

/** What /account says about the person's consent. */
export function consentOf(userId: number): { version: string | null; at: number | null } {
  const row = getDb().select({ version: users.consentVersion, at: users.consentAt }).from(users).where(eq(users.id, userId)).get();
  return { version: row?.version ?? null, at: row?.at ?? null };
}
