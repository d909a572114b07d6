// Filing and reading cases. A case is filed online by a party (with or without picks), by ordering a
// mediator or committee (the booking then belongs to the new case), or by staff at the general intake
// window for someone who came in person. Every respondent is invited with a code (its SHA-256 is kept)
// sent through the notification outbox. Reads take the viewer and filter in the query: someone who is
// not a party, the case's mediator or staff simply finds no case.
import crypto from "node:crypto";
import { and, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, caseChoices, caseParties, cases, categorySettings, mediators, users } from "../../db/schema";
import { caseDaysFor, CENTRE_TIMEZONE, formatCaseNumber, type CaseChannel, type PartySide, type Severity } from "../../domain";
import { isoInZone, localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { audit } from "./case-audit.server";
import { confirmationOf } from "./case-facts.server";
import { allowedMoves, type CaseActor, type CaseEvent, type CaseFacts } from "./case-rules";
import { toFen, type FileCaseInput } from "./case-schemas";
import type { PageQuery } from "./booking-schemas";
import { shortlistOf } from "./case-shortlist.server";
import { DomainError } from "./errors";
import { notifyContact, notifyUser, type Message } from "./notifications.server";
import { notifyTownStaff } from "./town-staff.server";

const DAY = 86_400_000;

/** A code a respondent can type from a text message: no 0/O, 1/I/L. About 40 bits. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function newInviteCode(): string {
  const bytes = crypto.randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}
export const hashCode = (code: string) => crypto.createHash("sha256").update(code.trim().toUpperCase()).digest("hex");

export interface OpenCase {
  filedBy: User;
  channel: CaseChannel;
  category: FileCaseInput["category"];
  description: string;
  town?: string;
  amountFen?: number | null;
  severity?: Severity;
  deathCompensation?: boolean;
  applicants: { name: string; phone?: string | null; userId?: number | null; informed?: boolean }[];
  respondents: { name: string; phone?: string | null }[];
  picks?: number[];
  committeeId?: number | null;
  /** The session a booking holds: the respondent is invited to that time. */
  sessionStart?: number;
  /** A booking that files the case tells the applicant itself (one message for one step). */
  quiet?: boolean;
  now: number;
}

/**
 * Inside the caller's write transaction: the case, its number (the year's next), its parties, the
 * applicant's picks, the audit row, and an invitation to every respondent with a phone.
 */
export function openCase(tx: Db | Tx, o: OpenCase): { id: number; number: string } {
  const year = Number(localDateInZone(o.now, CENTRE_TIMEZONE).slice(0, 4));
  const seq =
    (tx
      .select({ n: sql<number>`coalesce(max(${cases.numberSeq}), 0)` })
      .from(cases)
      .where(eq(cases.numberYear, year))
      .get()?.n ?? 0) + 1;
  const number = formatCaseNumber(year, seq);
  if (o.picks?.length) {
    const found = tx
      .select({ id: mediators.id })
      .from(mediators)
      .where(and(inArray(mediators.id, o.picks), eq(mediators.active, true), eq(mediators.listed, true)))
      .all();
    if (found.length !== o.picks.length) throw new DomainError("not_found", "A picked mediator was not found");
  }
  // Due in the days the centre set for the category (/staff/categories), else the domain's (labour 15, by law).
  const dueDays =
    tx.select({ days: categorySettings.dueDays }).from(categorySettings).where(eq(categorySettings.category, o.category)).get()?.days ??
    caseDaysFor(o.category);
  const row = tx
    .insert(cases)
    .values({
      number,
      numberYear: year,
      numberSeq: seq,
      filedByUserId: o.filedBy.id,
      channel: o.channel,
      category: o.category,
      description: o.description,
      counterpartyName: o.respondents[0]?.name ?? null,
      town: o.town ?? null,
      amountFen: o.amountFen ?? null,
      severity: o.severity ?? "simple",
      deathCompensation: o.deathCompensation === true,
      committeeId: o.committeeId ?? null,
      dueAt: o.now + dueDays * DAY,
      createdAt: new Date(o.now),
      updatedAt: new Date(o.now),
    })
    .returning({ id: cases.id })
    .get();
  for (const a of o.applicants)
    tx.insert(caseParties)
      .values({
        caseId: row.id,
        side: "applicant",
        name: a.name,
        phone: a.phone ?? null,
        userId: a.userId ?? null,
        informedAt: a.informed ? o.now : null,
      })
      .run();
  o.picks?.forEach((mediatorId, i) =>
    tx
      .insert(caseChoices)
      .values({ caseId: row.id, list: "pick", mediatorId, rank: i + 1 })
      .run(),
  );
  shortlistOf(tx, { id: row.id, category: o.category });
  for (const r of o.respondents) {
    const code = r.phone ? newInviteCode() : null;
    tx.insert(caseParties)
      .values({
        caseId: row.id,
        side: "respondent",
        name: r.name,
        phone: r.phone ?? null,
        inviteCodeHash: code ? hashCode(code) : null,
        invitedAt: code ? o.now : null,
      })
      .run();
    // The code travels only in the text message to the respondent (and the centre's outbox page).
    if (code && r.phone)
      notifyContact(
        tx,
        { phone: r.phone, locale: "zh" },
        {
          template: "case.invitation",
          params: {
            caseId: row.id,
            number,
            applicant: o.applicants[0]?.name ?? "",
            code,
            start: o.sessionStart ?? null,
            link: `${env().PUBLIC_URL}/invitations/${row.id}?code=${code}`,
          },
          at: o.now,
        },
      );
  }
  if (o.filedBy.role === "party" && !o.quiet)
    notifyUser(tx, o.filedBy.id, { template: "case.filed", params: { caseId: row.id, number }, at: o.now });
  notifyTownStaff(tx, { id: row.id, number, town: o.town, category: o.category }, o.now);
  audit(tx, {
    caseId: row.id,
    at: o.now,
    actor: o.filedBy.role === "party" ? "applicant" : "staff",
    actorUserId: o.filedBy.id,
    event: "filed",
    after: {
      number,
      channel: o.channel,
      category: o.category,
      severity: o.severity ?? "simple",
      deathCompensation: o.deathCompensation === true,
      picks: o.picks ?? [],
      respondents: o.respondents.length,
    },
  });
  return { id: row.id, number };
}

/** A party files online (they are the applicant); staff file at the window for someone in person. */
export async function fileCase({ user, input, now }: { user: User; input: FileCaseInput; now: number }) {
  const staff = user.role === "staff" || user.role === "admin";
  if (user.role !== "party" && !staff) throw new DomainError("forbidden", "Only parties and the centre's staff file cases");
  if (staff && !input.applicants) throw new DomainError("invalid_input", "Staff filing a case give the applicant");
  if (!staff && input.applicants) throw new DomainError("invalid_input", "A party files as the applicant: leave out applicants");
  if (!staff && input.channel === "window") throw new DomainError("forbidden", "Only staff file at the intake window");
  const opened = await writeTransaction(getDb(), (tx) =>
    openCase(tx, {
      filedBy: user,
      channel: staff ? (input.channel ?? "window") : "online",
      category: input.category,
      description: input.description,
      town: input.town,
      amountFen: toFen(input.amountYuan),
      severity: input.severity,
      deathCompensation: input.deathCompensation,
      applicants: staff ? input.applicants! : [{ name: user.name, phone: user.phone, userId: user.id, informed: input.informed === true }],
      respondents: input.respondents,
      picks: input.picks,
      now,
    }),
  );
  return { ...opened, status: "submitted" as const };
}

// ── who is looking ────────────────────────────────────────────────────────────────────────────────

/** Case ids this user may see, as a condition on `cases.id`. */
function visibleCases(user: User) {
  if (user.role === "staff" || user.role === "admin") return sql`1 = 1`;
  // A mediator sees the cases they mediate, were booked for, or were picked for (asked); one merely on
  // a shortlist the system suggested has not been asked and sees nothing of it. The pre-litigation
  // team's judge sees the cases they guide (ADR 035).
  if (user.role === "mediator")
    return or(
      eq(cases.mediatorId, user.mediatorId ?? -1),
      eq(cases.preLitigationJudgeId, user.mediatorId ?? -1),
      sql`${cases.id} in (select ${bookings.caseId} from ${bookings} where ${bookings.mediatorId} = ${user.mediatorId ?? -1})`,
      sql`${cases.id} in (select ${caseChoices.caseId} from ${caseChoices} where ${caseChoices.mediatorId} = ${user.mediatorId ?? -1} and ${caseChoices.list} = 'pick')`,
    )!;
  return sql`${cases.id} in (select ${caseParties.caseId} from ${caseParties} where ${caseParties.userId} = ${user.id})`;
}

/** How a signed-in user stands to a case they can see. */
function actorFor(tx: Db | Tx, user: User, c: { id: number; mediatorId: number | null }): CaseActor {
  if (user.role === "staff" || user.role === "admin") return "staff";
  if (user.role === "mediator") return "mediator";
  const side = tx
    .select({ side: caseParties.side })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, c.id), eq(caseParties.userId, user.id)))
    .get()?.side;
  return side === "respondent" ? "respondent" : "applicant";
}

type CaseRow = typeof cases.$inferSelect;

/** The case row if `user` may see it, with how they stand to it; otherwise `not_found`. */
export function caseForUser(tx: Db | Tx, user: User, id: number): { row: CaseRow; actor: CaseActor } {
  const row = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleCases(user)))
    .get();
  if (!row) throw new DomainError("not_found", "Case not found");
  // A mediator who was only picked (not agreed on) sees the case but is not its mediator.
  const actor = actorFor(tx, user, row);
  return { row, actor };
}

/** The respondent a code belongs to (case and code must both match); otherwise `not_found`. */
export function respondentByCode(tx: Db | Tx, caseId: number, code: string) {
  const party = tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.side, "respondent"), eq(caseParties.inviteCodeHash, hashCode(code))))
    .get();
  if (!party) throw new DomainError("not_found", "No invitation with this code");
  const row = tx.select().from(cases).where(eq(cases.id, caseId)).get()!;
  return { row, party };
}

// ── the view ──────────────────────────────────────────────────────────────────────────────────────

export interface CasePartyView {
  id: number;
  side: PartySide;
  name: string;
  /** Only for the centre's staff and the case's mediator. */
  phone: string | null;
  informed: boolean;
  consent: string | null;
  agreementAcknowledged: boolean;
}

export interface CaseView {
  id: number;
  number: string;
  status: CaseRow["status"];
  outcome: CaseRow["outcome"];
  channel: CaseRow["channel"];
  category: string;
  description: string;
  town: string | null;
  amountYuan: number | null;
  severity: CaseRow["severity"];
  mediator: { id: number; name: string } | null;
  committeeId: number | null;
  /** On the pre-litigation fast track (ADR 035): since when, and the team's judge who guides it. */
  preLitigation: { at: string; judge: { id: number; name: string } | null } | null;
  picks: { id: number; name: string; rank: number }[];
  parties: CasePartyView[];
  dueAt: string | null;
  closedAt: string | null;
  visits: number;
  createdAt: string;
  viewer: CaseActor;
  actions: CaseEvent[];
}

const iso = (ms: number | null) => (ms === null ? null : isoInZone(ms, CENTRE_TIMEZONE));

/**
 * `confirmation` defaults to what the court decided, read from the case's rows. A mediator who was only
 * picked (or holds a session) sees the case but is not its mediator: they may take no step on it.
 */
export function toCaseView(
  tx: Db | Tx,
  row: CaseRow,
  viewer: CaseActor,
  confirmation: CaseFacts["confirmation"] = confirmationOf(tx, row.id),
  viewerMediatorId: number | null = null,
): CaseView {
  const parties = tx.select().from(caseParties).where(eq(caseParties.caseId, row.id)).orderBy(caseParties.id).all();
  const picks = tx
    .select({ id: mediators.id, name: mediators.name, rank: caseChoices.rank })
    .from(caseChoices)
    .innerJoin(mediators, eq(mediators.id, caseChoices.mediatorId))
    .where(and(eq(caseChoices.caseId, row.id), eq(caseChoices.list, "pick")))
    .orderBy(caseChoices.rank)
    .all();
  const mediator = row.mediatorId
    ? (tx.select({ id: mediators.id, name: mediators.name }).from(mediators).where(eq(mediators.id, row.mediatorId)).get() ?? null)
    : null;
  // Phones are for the centre's staff and the case's own mediator: not a mediator who was only picked
  // or booked and never agreed on, nor the guiding judge.
  const seesPhones = viewer === "staff" || (viewer === "mediator" && viewerMediatorId !== null && viewerMediatorId === row.mediatorId);
  return {
    id: row.id,
    number: row.number ?? formatCaseNumber(row.numberYear ?? 0, row.numberSeq ?? row.id),
    status: row.status,
    outcome: row.outcome,
    channel: row.channel,
    category: row.category,
    description: row.description,
    town: row.town,
    amountYuan: row.amountFen === null ? null : row.amountFen / 100,
    severity: row.severity,
    mediator,
    committeeId: row.committeeId,
    preLitigation:
      row.preLitigationAt === null
        ? null
        : {
            at: iso(row.preLitigationAt)!,
            judge: row.preLitigationJudgeId
              ? (tx
                  .select({ id: mediators.id, name: mediators.name })
                  .from(mediators)
                  .where(eq(mediators.id, row.preLitigationJudgeId))
                  .get() ?? null)
              : null,
          },
    picks,
    parties: parties.map((p) => ({
      id: p.id,
      side: p.side,
      name: p.name,
      phone: seesPhones ? p.phone : null,
      informed: p.informedAt !== null,
      consent: p.consent,
      agreementAcknowledged: p.agreementAckAt !== null,
    })),
    dueAt: iso(row.dueAt),
    closedAt: iso(row.closedAt),
    visits: row.visits,
    createdAt: iso(row.createdAt.getTime())!,
    viewer,
    actions:
      viewer === "mediator" && viewerMediatorId !== null && viewerMediatorId !== row.mediatorId
        ? []
        : allowedMoves({ status: row.status, outcome: row.outcome, mediatorId: row.mediatorId, confirmation }, viewer),
  };
}

export function getCase({ user, id }: { user: User; id: number }): CaseView {
  const db = getDb();
  const { row, actor } = caseForUser(db, user, id);
  return toCaseView(db, row, actor, confirmationOf(db, id), user.mediatorId);
}

export interface CasePage {
  cases: Pick<CaseView, "id" | "number" | "status" | "outcome" | "category" | "createdAt" | "dueAt" | "mediator">[];
  total: number;
  page: number;
  perPage: number;
}

/** The cases this user may see, newest first, a page at a time (two queries). */
export function listCases({ user, page }: { user: User; page: PageQuery }): CasePage {
  const db = getDb();
  const where = visibleCases(user);
  const rows = db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      outcome: cases.outcome,
      category: cases.category,
      createdAt: cases.createdAt,
      dueAt: cases.dueAt,
      mediatorId: mediators.id,
      mediatorName: mediators.name,
    })
    .from(cases)
    .leftJoin(mediators, eq(mediators.id, cases.mediatorId))
    .where(where)
    .orderBy(desc(cases.id))
    .limit(page.perPage)
    .offset((page.page - 1) * page.perPage)
    .all();
  const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  return {
    cases: rows.map((r) => ({
      id: r.id,
      number: r.number ?? "",
      status: r.status,
      outcome: r.outcome,
      category: r.category,
      createdAt: iso(r.createdAt.getTime())!,
      dueAt: iso(r.dueAt),
      mediator: r.mediatorId ? { id: r.mediatorId, name: r.mediatorName! } : null,
    })),
    total,
    page: page.page,
    perPage: page.perPage,
  };
}

/** Tell every party of the case: those with an account by their account, the others by text message. */
export function tellParties(tx: Db | Tx, caseId: number, message: Message): void {
  for (const p of tx.select().from(caseParties).where(eq(caseParties.caseId, caseId)).all()) {
    if (p.userId) notifyUser(tx, p.userId, message);
    else if (p.phone) notifyContact(tx, { phone: p.phone, locale: "zh" }, message);
  }
}

/**
 * The party acting on a case: the respondent with the invitation code, or a signed-in party; anyone
 * else is refused with `forbidden` (`who` says what only the parties may do).
 */
export function partyActing(
  tx: Db | Tx,
  a: { user?: User; code?: string; caseId: number; who: string },
): { row: CaseRow; actor: CaseActor; partyId: number } {
  if (a.code) {
    const { row, party } = respondentByCode(tx, a.caseId, a.code);
    return { row, actor: "respondent", partyId: party.id };
  }
  if (!a.user) throw new DomainError("forbidden", "Sign in or give the invitation code");
  const { row, actor } = caseForUser(tx, a.user, a.caseId);
  if (actor !== "applicant" && actor !== "respondent") throw new DomainError("forbidden", `Only the case's parties ${a.who}`);
  const party = tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, a.caseId), eq(caseParties.userId, a.user.id)))
    .get()!;
  return { row, actor, partyId: party.id };
}

/** The number people see for the case a booking belongs to. */
export const caseNumberOf = (tx: Db | Tx, caseId: number) =>
  tx.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get()?.number ?? "";

/** The name shown for a user in a case's log when they act for someone. */
export const userName = (tx: Db | Tx, id: number) => tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? "";
