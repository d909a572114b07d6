// Both sides agree on who mediates. Before anyone answers, they are told what people's mediation is
// (voluntary, free, either side may refuse or stop and keep every other route, the right to choose the
// mediator and ask for a recusal, confidentiality), and acknowledging it is recorded. The respondent,
// with the invitation code and no account, accepts the applicant's pick, ranks the shortlist, or
// refuses; the applicant ranks the same shortlist; staff record an answer given in person or by phone.
// A refusal closes the case; a mediator both sides accept is agreed on; a held booking with anyone else
// is released and everyone is told.
import { and, asc, eq } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { caseChoices, caseParties, cases, mediators } from "../../db/schema";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { releaseCaseBookings } from "./case-bookings.server";
import { audit } from "./case-audit.server";
import { caseFacts } from "./case-facts.server";
import { caseRefusal, nextStatus, type CaseActor } from "./case-rules";
import type { ConsentInput } from "./case-schemas";
import { caseForUser, respondentByCode, tellParties, toCaseView, type CaseView } from "./cases.server";
import { DomainError } from "./errors";
import { chooseMutually } from "./mutual-choice";
import { nextFreeOf, shortlistOf } from "./case-shortlist.server";

type CaseRow = typeof cases.$inferSelect;
type PartyRow = typeof caseParties.$inferSelect;

function agreeOn(
  tx: Db | Tx,
  c: CaseRow,
  mediatorId: number,
  actor: CaseActor,
  actorUserId: number | null,
  how: string,
  now: number,
): void {
  const status = nextStatus("agree-mediator", { ...caseFacts(tx, c), mediatorId }, actor, now);
  const res = tx
    .update(cases)
    .set({ status, mediatorId, updatedAt: new Date(now) })
    .where(and(eq(cases.id, c.id), eq(cases.status, c.status)))
    .run();
  if (res.changes !== 1)
    throw new DomainError("illegal_transition", "The case changed meanwhile; reload it", { field: "_", reason: "changed_meanwhile" });
  audit(tx, {
    caseId: c.id,
    at: now,
    actor,
    actorUserId,
    event: "mediator-agreed",
    before: { status: c.status, mediatorId: c.mediatorId },
    after: { status, mediatorId, how },
  });
  const name = tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, mediatorId)).get()?.name ?? "";
  tellParties(tx, c.id, { template: "case.mediator-agreed", params: { caseId: c.id, number: c.number, mediatorName: name }, at: now });
  releaseCaseBookings(
    tx,
    c,
    { keepMediatorId: mediatorId },
    { zh: "双方选定了另一位调解员", en: "both sides chose another mediator" },
    now,
  );
}

interface Answerer {
  actor: CaseActor;
  actorUserId: number | null;
  party: PartyRow;
  /** Staff recording an answer given in person or by phone. */
  recordedBy: number | null;
}

function answer(tx: Db | Tx, c: CaseRow, who: Answerer, input: ConsentInput, now: number): void {
  // A refusal is judged as one; any other answer is a step towards agreeing on the mediator.
  const facts = caseFacts(tx, c);
  nextStatus(input.refuse ? "refuse" : "agree-mediator", facts, who.actor, now);
  if (!who.party.informedAt && !input.informed)
    throw new DomainError("invalid_input", "First acknowledge what people's mediation is (informed: true)", {
      field: "informed",
      reason: "not_informed",
    });
  if (!who.party.informedAt) {
    tx.update(caseParties).set({ informedAt: now }).where(eq(caseParties.id, who.party.id)).run();
    audit(tx, {
      caseId: c.id,
      at: now,
      actor: who.actor,
      actorUserId: who.actorUserId,
      event: "informed",
      after: { side: who.party.side },
    });
  }
  const side = who.party.side;
  const record = (consent: "accepted" | "ranked" | "refused") =>
    tx
      .update(caseParties)
      .set({ consent, consentAt: now, consentRecordedBy: who.recordedBy })
      .where(eq(caseParties.id, who.party.id))
      .run();

  if (input.refuse) {
    if (side !== "respondent")
      throw new DomainError("forbidden", "Only the respondent refuses mediation; the applicant withdraws", {
        field: "_",
        reason: "applicant_withdraws",
      });
    const status = nextStatus("refuse", facts, who.actor, now);
    record("refused");
    tx.update(cases)
      .set({ status, outcome: "respondent-refused", closedAt: now, updatedAt: new Date(now) })
      .where(eq(cases.id, c.id))
      .run();
    audit(tx, {
      caseId: c.id,
      at: now,
      actor: who.actor,
      actorUserId: who.actorUserId,
      event: "refused",
      before: { status: c.status },
      after: { status, outcome: "respondent-refused", recordedBy: who.recordedBy },
    });
    tellParties(tx, c.id, { template: "case.refused", params: { caseId: c.id, number: c.number }, at: now });
    releaseCaseBookings(tx, c, {}, { zh: "对方不同意调解", en: "the other side declined mediation" }, now);
    return;
  }
  if (input.accept) {
    if (side !== "respondent") throw caseRefusal("forbidden", "not_your_step", "the applicant's pick is the respondent's to accept");
    const first = tx
      .select({ id: caseChoices.mediatorId })
      .from(caseChoices)
      .where(and(eq(caseChoices.caseId, c.id), eq(caseChoices.list, "pick")))
      .orderBy(asc(caseChoices.rank))
      .get();
    if (!first)
      throw new DomainError("illegal_transition", "The applicant picked no mediator: rank the shortlist instead", {
        field: "_",
        reason: "no_pick",
      });
    record("accepted");
    agreeOn(tx, c, first.id, who.actor, who.actorUserId, "respondent accepted the applicant's pick", now);
    return;
  }
  // A ranking of the shortlist; when both sides have ranked, the best combined rank is agreed on.
  const shortlist = shortlistOf(tx, c);
  const ranking = input.ranking!;
  if (ranking.some((id) => !shortlist.includes(id)))
    throw new DomainError("invalid_input", "Rank only mediators of the shortlist", { field: "ranking", reason: "not_on_shortlist" });
  tx.delete(caseChoices)
    .where(and(eq(caseChoices.caseId, c.id), eq(caseChoices.list, side)))
    .run();
  ranking.forEach((mediatorId, i) =>
    tx
      .insert(caseChoices)
      .values({ caseId: c.id, list: side, mediatorId, rank: i + 1 })
      .run(),
  );
  record("ranked");
  audit(tx, { caseId: c.id, at: now, actor: who.actor, actorUserId: who.actorUserId, event: "ranked", after: { side, ranking } });
  const ranks = (list: "applicant" | "respondent") =>
    tx
      .select({ mediatorId: caseChoices.mediatorId, rank: caseChoices.rank })
      .from(caseChoices)
      .where(and(eq(caseChoices.caseId, c.id), eq(caseChoices.list, list)))
      .all();
  const mine = ranks("applicant");
  const theirs = ranks("respondent");
  if (!mine.length || !theirs.length) return;
  const choice = chooseMutually(mine, theirs, nextFreeOf(tx));
  if (choice.mediatorId === null) {
    audit(tx, {
      caseId: c.id,
      at: now,
      actor: "system",
      actorUserId: null,
      event: "no-mutual-choice",
      after: { applicant: mine, respondent: theirs },
    });
    tellParties(tx, c.id, { template: "case.no-mutual-choice", params: { caseId: c.id, number: c.number }, at: now });
    return;
  }
  agreeOn(tx, c, choice.mediatorId, "system", null, `best combined rank ${choice.considered[0].combined}`, now);
}

/** The respondent with the invitation code, no account needed. */
export async function consentByCode({
  caseId,
  code,
  input,
  now,
}: {
  caseId: number;
  code: string;
  input: ConsentInput;
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, party } = respondentByCode(tx, caseId, code);
    answer(tx, row, { actor: "respondent", actorUserId: null, party, recordedBy: null }, input, now);
    return toCaseView(tx, tx.select().from(cases).where(eq(cases.id, caseId)).get()!, "respondent");
  });
}

/**
 * A signed-in party answers for themselves (the applicant ranks; a respondent with an account answers
 * as with the code); staff record the answer a party gave in person or by phone (`side` says whose).
 */
export async function consentAsUser({
  user,
  caseId,
  input,
  side,
  now,
}: {
  user: User;
  caseId: number;
  input: ConsentInput;
  side?: "applicant" | "respondent";
  now: number;
}): Promise<CaseView> {
  return writeTransaction(getDb(), (tx) => {
    const { row, actor } = caseForUser(tx, user, caseId);
    let party: PartyRow | undefined;
    if (actor === "staff") {
      party = tx
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, caseId), eq(caseParties.side, side ?? "respondent")))
        .orderBy(caseParties.id)
        .get();
    } else if (actor === "applicant" || actor === "respondent") {
      party = tx
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, caseId), eq(caseParties.userId, user.id)))
        .get();
    } else throw caseRefusal("forbidden", "not_your_step", "only the parties (or staff for them) answer about the mediator");
    if (!party) throw new DomainError("not_found", "No such party on this case");
    // Staff act for the side they record, as the log says.
    answer(
      tx,
      row,
      { actor: actor === "staff" ? "staff" : party.side, actorUserId: user.id, party, recordedBy: actor === "staff" ? user.id : null },
      input,
      now,
    );
    return toCaseView(tx, tx.select().from(cases).where(eq(cases.id, caseId)).get()!, actor);
  });
}

/** What the respondent's invitation page shows: the case without anyone's phone, and the shortlist. */
export function invitationView({ caseId, code }: { caseId: number; code: string }) {
  const db = getDb();
  const { row, party } = respondentByCode(db, caseId, code);
  const shortlist = db
    .select({ id: mediators.id, name: mediators.name, title: mediators.title, rank: caseChoices.rank })
    .from(caseChoices)
    .innerJoin(mediators, eq(mediators.id, caseChoices.mediatorId))
    .where(and(eq(caseChoices.caseId, caseId), eq(caseChoices.list, "shortlist")))
    .orderBy(asc(caseChoices.rank))
    .all();
  return {
    case: toCaseView(db, row, "respondent"),
    party: { name: party.name, informed: party.informedAt !== null, consent: party.consent },
    shortlist,
  };
}
