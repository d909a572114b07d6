// The reads behind the respondent's invitation page, the agreement's public verification page and
// staff's recording of an answer, and the count of invitation codes tried per address (the centre's
// case queue itself is in staff-lists.server.ts). Time is an argument; what
// is "due soon" or "overdue" is decided here, never in a page.
import { and, asc, eq, inArray } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { agreements, bookings, caseChoices, cases, judicialConfirmations, mediators, ratings } from "../../db/schema";
import { HOLDING } from "./booking-rules";
import { CENTRE_TIMEZONE } from "../../domain";
import { isoInZone, localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { invitationView } from "./case-consent.server";
import { allowedCaseEvents } from "./case-rules";
import { getCase, respondentByCode } from "./cases.server";
import { caseFacts } from "./case-facts.server";
import { DomainError } from "./errors";
import { consume, refund, type Limit } from "./rate-limit.server";

/** "Due soon": the time to finish ends within this many days (or has ended) and the case is open. */
export const DUE_SOON_DAYS = 3;
const date = (ms: number) => localDateInZone(ms, CENTRE_TIMEZONE);

// ── invitation codes ──────────────────────────────────────────────────────────────────────────────

/**
 * Runs `step` with an invitation code after counting the attempt against `limit` for this address
 * (the same counter as the API's). The count comes first, so a guess past the limit is refused even
 * when it would have been right; a code that turned out right is taken back, so a respondent coming
 * back to the page is never locked out, while wrong codes (the step throws `not_found`) stay counted.
 */
export async function withCodeAttempt<T>(
  { address, limit, now }: { address: string; limit: Limit; now: number },
  step: () => T | Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; retryAfter: number }> {
  const key = `invite:address:${address}`;
  const { retryAfter } = await writeTransaction(getDb(), (tx) => consume(tx, key, limit, now));
  if (retryAfter > 0) return { ok: false, retryAfter };
  const value = await step();
  await writeTransaction(getDb(), (tx) => refund(tx, key));
  return { ok: true, value };
}

// ── the respondent's invitation page ──────────────────────────────────────────────────────────────

/**
 * Everything the invitation page shows to the respondent holding `code`: the case (no phones), the
 * applicant's pick with its title, the shortlist to rank, this respondent's answers so far, the
 * agreement's state, and what they may do now. A wrong code (or case) is `not_found`.
 */
export function invitationPage({ caseId, code, now }: { caseId: number; code: string; now: number }) {
  const db = getDb();
  const base = invitationView({ caseId, code });
  const { party, row } = respondentByCode(db, caseId, code);
  const c = base.case;
  const firstPick = c.picks[0];
  const pick = firstPick
    ? (db
        .select({ id: mediators.id, name: mediators.name, title: mediators.title })
        .from(mediators)
        .where(eq(mediators.id, firstPick.id))
        .get() ?? null)
    : null;
  const agreement = db.select().from(agreements).where(eq(agreements.caseId, caseId)).get() ?? null;
  const rated = db.select({ id: ratings.id }).from(ratings).where(eq(ratings.casePartyId, party.id)).get() !== undefined;
  const myRanking = db
    .select({ mediatorId: caseChoices.mediatorId, rank: caseChoices.rank })
    .from(caseChoices)
    .where(and(eq(caseChoices.caseId, caseId), eq(caseChoices.list, "respondent")))
    .orderBy(asc(caseChoices.rank))
    .all();
  // The time the applicant booked: the respondent is invited to it (never to whom it was offered).
  const sessions = db
    .select({
      id: bookings.id,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      mode: bookings.mode,
      status: bookings.status,
      mediatorName: mediators.name,
    })
    .from(bookings)
    .innerJoin(mediators, eq(mediators.id, bookings.mediatorId))
    .where(and(eq(bookings.caseId, caseId), inArray(bookings.status, [...HOLDING])))
    .orderBy(asc(bookings.startAt))
    .all()
    .map((b) => ({
      id: b.id,
      start: isoInZone(b.startAt, CENTRE_TIMEZONE),
      end: isoInZone(b.endAt, CENTRE_TIMEZONE),
      mode: b.mode,
      status: b.status,
      mediatorName: b.mediatorName,
      openable: false,
    }));
  const events = allowedCaseEvents(caseFacts(db, row, party.id), "respondent", now);
  const answering = row.status === "submitted" && party.consent === null;
  /** Where the case stands for this respondent: what the page says happens next. */
  const stage =
    party.consent === "refused" || row.outcome === "respondent-refused"
      ? ("refused" as const)
      : row.status === "closed"
        ? ("closed" as const)
        : row.status === "in-mediation"
          ? ("in-mediation" as const)
          : row.status === "mediator-agreed"
            ? ("agreed" as const)
            : party.consent === "ranked"
              ? ("waiting-applicant" as const)
              : ("answer" as const);
  return {
    case: {
      id: c.id,
      number: c.number,
      status: c.status,
      outcome: c.outcome,
      category: c.category,
      description: c.description,
      town: c.town,
      mediator: c.mediator,
      applicants: c.parties.filter((p) => p.side === "applicant").map((p) => p.name),
    },
    stage,
    /** The other routes (arbitration, litigation, the centre) are spelled out when mediation ended without an agreement. */
    showRoutes: stage === "refused" || (row.status === "closed" && row.outcome !== "agreement"),
    party: { ...base.party, acknowledged: party.agreementAckAt !== null, rated },
    pick,
    sessions,
    shortlist: base.shortlist,
    myRanking,
    agreement: agreement
      ? {
          signedOn: date(agreement.madeAt),
          effective: agreement.effectiveAt !== null,
          effectiveOn: agreement.effectiveAt ? date(agreement.effectiveAt) : null,
        }
      : null,
    can: {
      /** Accept the pick, rank the shortlist or refuse: the first answer while the case waits for one. */
      answer: answering && events.includes("agree-mediator"),
      accept: answering && pick !== null,
      rank: answering && base.shortlist.length > 0,
      /** A respondent may still refuse after the mediator was agreed on, before mediation starts. */
      refuse: events.includes("refuse") && party.consent !== "refused",
      /** Declining later (after answering, before mediation starts) is offered on its own. */
      stop: !answering && events.includes("refuse") && party.consent !== "refused",
      acknowledge: events.includes("acknowledge-agreement"),
      /** A closed case that someone mediated (not one declined or withdrawn before a mediator was agreed). */
      rate: events.includes("rate"),
    },
  };
}
export type InvitationPage = ReturnType<typeof invitationPage>;

// ── the agreement's public verification ───────────────────────────────────────────────────────────

/**
 * The QR code on an agreement opens this: whether an agreement with that case number exists, when it
 * was made, whether it took effect and whether a court confirmed it. Nothing about the people.
 */
export function verifyAgreement({ number }: { number: string }) {
  const db = getDb();
  const row = db
    .select({
      number: cases.number,
      madeAt: agreements.madeAt,
      effectiveAt: agreements.effectiveAt,
      result: judicialConfirmations.result,
      decidedOn: judicialConfirmations.decidedOn,
      appliedOn: judicialConfirmations.appliedOn,
    })
    .from(cases)
    .innerJoin(agreements, eq(agreements.caseId, cases.id))
    .leftJoin(judicialConfirmations, eq(judicialConfirmations.caseId, cases.id))
    .where(eq(cases.number, number.trim()))
    .get();
  if (!row) return null;
  return {
    number: row.number ?? number,
    signedOn: date(row.madeAt),
    effective: row.effectiveAt !== null,
    effectiveOn: row.effectiveAt === null ? null : date(row.effectiveAt),
    /** null: no court has been asked; "applied": waiting for the court's decision. */
    confirmation: row.appliedOn === null ? null : (row.result ?? "applied"),
    decidedOn: row.decidedOn ?? null,
  };
}

// ── recording an answer given in person or by phone ──────────────────────────────────────────────

/** What staff need to record a party's answer: the case as staff see it, the pick and the shortlist. */
export function consentSheet({ user, caseId }: { user: User; caseId: number }) {
  if (user.role !== "staff" && user.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff record answers");
  const db = getDb();
  const view = getCase({ user, id: caseId });
  const shortlist = db
    .select({ id: mediators.id, name: mediators.name, title: mediators.title, rank: caseChoices.rank })
    .from(caseChoices)
    .innerJoin(mediators, eq(mediators.id, caseChoices.mediatorId))
    .where(and(eq(caseChoices.caseId, caseId), eq(caseChoices.list, "shortlist")))
    .orderBy(asc(caseChoices.rank))
    .all();
  const answering = view.status === "submitted";
  return {
    case: view,
    shortlist,
    can: {
      accept: answering && view.picks.length > 0,
      rank: answering && shortlist.length > 0,
      refuse: view.actions.includes("refuse"),
    },
  };
}
