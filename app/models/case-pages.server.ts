// What the case pages read beyond the case view: the mediators a party may pick when filing, and for
// one case everything its page shows the viewer — their own party row (informed, acknowledged, rated),
// the shortlist and their ranking, the dates of its steps, its sessions, the agreement with its
// obligations, instalments and the judicial-confirmation countdown, the log for staff — and which of
// the steps outside the case rules (acknowledge, rate, confirmation, fulfilment) this viewer may take.
// Its ratings: staff read every one (and hide a comment), a party their own, anyone else none.
// Reads, and the page's one write beyond the case steps (hiding a comment of this case); visibility
// comes from getCase (someone else's case is not found).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  agreements,
  bookings,
  caseChoices,
  caseEvents,
  caseParties,
  cases,
  instalments,
  judicialConfirmations,
  mediators,
  obligations,
  ratings,
} from "../../db/schema";
import { CENTRE_TIMEZONE, JUDICIAL_CONFIRMATION_DAYS, type MediatorKind } from "../../domain";
import { isoInZone, localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { listCaseEvents } from "./case-audit.server";
import { caseFacts } from "./case-facts.server";
import { allowedCaseEvents } from "./case-rules";
import { hideRatingComment } from "./case-outcome.server";
import { getCase, type CaseView } from "./cases.server";
import { DomainError } from "./errors";

const DAY = 86_400_000;
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoInZone(ms, CENTRE_TIMEZONE));
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

export interface PickableMediator {
  id: number;
  name: string;
  kind: MediatorKind;
  title: string;
}

/** Every active mediator a party may pick when filing, by kind then name. */
export function listPickableMediators(): PickableMediator[] {
  return getDb()
    .select({ id: mediators.id, name: mediators.name, kind: mediators.kind, title: mediators.title })
    .from(mediators)
    .where(and(eq(mediators.active, true), eq(mediators.listed, true)))
    .orderBy(asc(mediators.kind), asc(mediators.namePinyin), asc(mediators.id))
    .all();
}

export interface CaseRatingView {
  id: number;
  side: "applicant" | "respondent";
  stars: number;
  comment: string | null;
  at: string;
  /** When staff hid the comment; the reason only for staff (it is the centre's note). */
  hidden: null | { at: string; reason: string | null };
}

export interface CasePageView {
  case: CaseView;
  /** Staff: every rating of the case; a party: their own; anyone else: none. */
  ratings: CaseRatingView[];
  /** The viewer's own party row, when they are a party. */
  me: { partyId: number; side: "applicant" | "respondent"; informed: boolean; acknowledged: boolean; rated: boolean } | null;
  shortlist: { id: number; name: string; title: string }[];
  /** The viewer's current ranking of the shortlist (mediator ids, first choice first). */
  myRanking: number[];
  /** When each step happened (ISO at the centre), null while it has not. */
  timeline: { filedAt: string; agreedAt: string | null; startedAt: string | null; closedAt: string | null };
  sessions: {
    id: number;
    start: string;
    end: string;
    mode: string;
    status: string;
    mediatorName: string;
    /** Whether the viewer may open /bookings/:id (its party, its mediator, staff). */
    openable: boolean;
  }[];
  agreement: null | {
    facts: string;
    responsibility: string;
    amountYuan: number | null;
    madeAt: string;
    effectiveAt: string | null;
    /** The last day to apply for judicial confirmation (local date) and the days left as of `now`. */
    confirmBy: string | null;
    daysLeft: number | null;
    obligations: {
      id: number;
      obligor: "applicant" | "respondent";
      description: string;
      amountYuan: number | null;
      method: string | null;
      place: string | null;
      instalments: { id: number; seq: number; dueOn: string; amountYuan: number | null; result: string | null }[];
    }[];
    confirmation: null | {
      court: string;
      appliedOn: string;
      reference: string | null;
      decidedOn: string | null;
      result: "confirmed" | "rejected" | null;
    };
  };
  /** The steps this viewer may take now (the case rules' actions, narrowed to the case's own mediator). */
  can: {
    rank: boolean;
    withdraw: boolean;
    start: boolean;
    recordOutcome: boolean;
    acknowledge: boolean;
    recordConfirmation: boolean;
    recordFulfilment: boolean;
    rate: boolean;
    seeLog: boolean;
    hideRating: boolean;
  };
  log: ReturnType<typeof listCaseEvents> | null;
}

/** One case as its page shows it to `user`, as of `now`; `not_found` when they may not see it. */
export function getCasePage({ user, id, now }: { user: User; id: number; now: number }): CasePageView {
  const view = getCase({ user, id });
  const db = getDb();
  const staff = view.viewer === "staff";
  // A mediator who was only picked sees the case; only the agreed one works on it.
  const ownMediator = view.viewer === "mediator" && user.mediatorId !== null && view.mediator?.id === user.mediatorId;
  const party = db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, id), eq(caseParties.userId, user.id)))
    .get();
  const rated = party ? Boolean(db.select({ id: ratings.id }).from(ratings).where(eq(ratings.casePartyId, party.id)).get()) : false;
  const me =
    party && (view.viewer === "applicant" || view.viewer === "respondent")
      ? {
          partyId: party.id,
          side: party.side,
          informed: party.informedAt !== null,
          acknowledged: party.agreementAckAt !== null,
          rated,
        }
      : null;

  const choices = (list: "shortlist" | "applicant" | "respondent") =>
    db
      .select({ id: mediators.id, name: mediators.name, title: mediators.title })
      .from(caseChoices)
      .innerJoin(mediators, eq(mediators.id, caseChoices.mediatorId))
      .where(and(eq(caseChoices.caseId, id), eq(caseChoices.list, list)))
      .orderBy(asc(caseChoices.rank))
      .all();

  const firstAt = (events: string[]) =>
    db
      .select({ at: caseEvents.at })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), inArray(caseEvents.event, events)))
      .orderBy(asc(caseEvents.id))
      .get()?.at ?? null;

  const sessions = db
    .select({
      id: bookings.id,
      startAt: bookings.startAt,
      endAt: bookings.endAt,
      mode: bookings.mode,
      status: bookings.status,
      mediatorId: bookings.mediatorId,
      partyUserId: bookings.partyUserId,
      mediatorName: mediators.name,
    })
    .from(bookings)
    .innerJoin(mediators, eq(mediators.id, bookings.mediatorId))
    .where(eq(bookings.caseId, id))
    .orderBy(asc(bookings.startAt))
    .all()
    .map((b) => ({
      id: b.id,
      start: iso(b.startAt)!,
      end: iso(b.endAt)!,
      mode: b.mode,
      status: b.status,
      mediatorName: b.mediatorName,
      openable: staff || b.partyUserId === user.id || (user.mediatorId !== null && b.mediatorId === user.mediatorId),
    }));

  const a = db.select().from(agreements).where(eq(agreements.caseId, id)).get();
  let agreement: CasePageView["agreement"] = null;
  if (a) {
    const obs = db.select().from(obligations).where(eq(obligations.agreementId, a.id)).orderBy(asc(obligations.id)).all();
    const due = obs.length
      ? db
          .select()
          .from(instalments)
          .where(
            inArray(
              instalments.obligationId,
              obs.map((o) => o.id),
            ),
          )
          .orderBy(asc(instalments.obligationId), asc(instalments.seq))
          .all()
      : [];
    const c = db.select().from(judicialConfirmations).where(eq(judicialConfirmations.caseId, id)).get();
    const deadline = a.effectiveAt === null ? null : a.effectiveAt + JUDICIAL_CONFIRMATION_DAYS * DAY;
    agreement = {
      facts: a.facts,
      responsibility: a.responsibility,
      amountYuan: yuan(a.amountFen),
      madeAt: iso(a.madeAt)!,
      effectiveAt: iso(a.effectiveAt),
      confirmBy: deadline === null ? null : localDateInZone(deadline, CENTRE_TIMEZONE),
      daysLeft: deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / DAY)),
      obligations: obs.map((o) => ({
        id: o.id,
        obligor: o.obligor,
        description: o.description,
        amountYuan: yuan(o.amountFen),
        method: o.method,
        place: o.place,
        instalments: due
          .filter((d) => d.obligationId === o.id)
          .map((d) => ({ id: d.id, seq: d.seq, dueOn: d.dueOn, amountYuan: yuan(d.amountFen), result: d.result })),
      })),
      confirmation: c ? { court: c.court, appliedOn: c.appliedOn, reference: c.reference, decidedOn: c.decidedOn, result: c.result } : null,
    };
  }

  // Who may read which rating is part of the query: staff the case's, a party their own row's.
  const whose = staff ? sql`1 = 1` : me ? eq(ratings.casePartyId, me.partyId) : sql`0 = 1`;
  const ratingRows = db
    .select({
      id: ratings.id,
      side: caseParties.side,
      stars: ratings.stars,
      comment: ratings.comment,
      at: ratings.at,
      hiddenAt: ratings.hiddenAt,
      hiddenReason: ratings.hiddenReason,
    })
    .from(ratings)
    .innerJoin(caseParties, eq(caseParties.id, ratings.casePartyId))
    .where(and(eq(ratings.caseId, id), whose))
    .orderBy(asc(ratings.at), asc(ratings.id))
    .all()
    .map((r) => ({
      id: r.id,
      side: r.side,
      stars: r.stars,
      comment: r.comment,
      at: iso(r.at)!,
      hidden: r.hiddenAt === null ? null : { at: iso(r.hiddenAt)!, reason: staff ? r.hiddenReason : null },
    }));

  // The steps come from the case rules with this viewer's facts (their acknowledgement, their rating).
  const row = db.select().from(cases).where(eq(cases.id, id)).get()!;
  const acts = new Set(allowedCaseEvents(caseFacts(db, row, me?.partyId), view.viewer, now));
  return {
    case: view,
    ratings: ratingRows,
    me,
    shortlist: choices("shortlist"),
    myRanking: me ? choices(me.side).map((m) => m.id) : [],
    timeline: {
      filedAt: view.createdAt,
      agreedAt: iso(firstAt(["mediator-agreed"])),
      startedAt: iso(firstAt(["mediation-started"])),
      closedAt: view.closedAt,
    },
    sessions,
    agreement,
    can: {
      rank: acts.has("agree-mediator") && me !== null,
      withdraw: acts.has("withdraw"),
      start: acts.has("start-mediation") && (staff || ownMediator),
      recordOutcome: acts.has("record-outcome") && (staff || ownMediator),
      acknowledge: me !== null && acts.has("acknowledge-agreement"),
      // The form records the application first, then the decision: either step opens it.
      recordConfirmation: acts.has("apply-confirmation") || acts.has("record-confirmation-result"),
      recordFulfilment: acts.has("record-fulfilment"),
      rate: me !== null && acts.has("rate"),
      seeLog: staff,
      hideRating: staff,
    },
    log: staff ? listCaseEvents({ viewer: user, caseId: id }) : null,
  };
}

/**
 * Staff hide a comment of this case's ratings from its page (hideRatingComment checks the role and
 * audits it). A rating of another case is not found here, as a case the viewer may not see is.
 */
export async function hideCaseRating({
  user,
  caseId,
  ratingId,
  reason,
  now,
}: {
  user: User;
  caseId: number;
  ratingId: number;
  reason: string;
  now: number;
}): Promise<void> {
  getCase({ user, id: caseId });
  const ofCase = getDb()
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.id, ratingId), eq(ratings.caseId, caseId)))
    .get();
  if (!ofCase) throw new DomainError("not_found", "No such rating on this case");
  await hideRatingComment({ user, ratingId, reason, now });
}
