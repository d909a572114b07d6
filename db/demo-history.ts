// A year of case history for the seeded pool (issue 8), from the distribution parameters of
// db/demo-history-params.ts, planned in memory by db/demo-history-plan.ts and written here: the
// centre's figures reproduce its 2018 table (../shared/domain/DOMAIN.md) when the history has the
// article's 45,000 requests, and scale in proportion otherwise. Deterministic: a
// seeded PRNG (the demo pool's mulberry32), no clock — the year ends at the `now` passed in.
// Every person and firm is invented (firms are "某…公司", phones 1380000xxxx); cases write no search
// outbox rows (search indexes mediators, never cases or their parties).
import { sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { formatCaseNumber, JUDICIAL_CONFIRMATION_DAYS, type CategorySlug } from "../domain";
import type { Db, Tx } from "./client";
import { prng } from "./demo-pool";
import { COURT, FAILURE_NOTES, WINDOW_STAFF } from "./demo-history-words";
import {
  DAY,
  HOUR,
  MINUTE,
  Rand,
  endOfLocalDate,
  localYear,
  planCases,
  weighted,
  type CasePlan,
  type PoolView,
  type Weighted,
} from "./demo-history-plan";
import {
  agreements,
  caseChoices,
  caseEvents,
  caseParties,
  cases,
  committeeCategories,
  committeeMembers,
  instalments,
  judicialConfirmations,
  mediatorCategories,
  mediators,
  mediatorTowns,
  obligations,
  ratings,
  users,
} from "./schema";

export { FIGURES_2018, HISTORY_PARAMS, historyTargets } from "./demo-history-params";
export { quota } from "./demo-history-plan";

/** Password hash of generated accounts: not a hash, so no password matches (they never sign in). */
const NO_LOGIN = "!demo-history";

/** The case number people see (domain/index.ts formatCaseNumber, as migration 0006 spells it). */
export const caseNumber = formatCaseNumber;

// ── the pool as the generator needs it ─────────────────────────────────────────────────────────────

function readPool(db: Db | Tx, r: Rand): PoolView {
  const meds = db
    .select({ id: mediators.id, kind: mediators.kind })
    .from(mediators)
    .where(sql`${mediators.active} = 1 and ${mediators.listed} = 1`)
    .orderBy(mediators.id)
    .all();
  if (!meds.length) throw new Error("generateHistory: the pool is empty (seed the demo pool first)");
  const kindWeight = { "senior-mediator": 4, expert: 2, lawyer: 1 } as const;
  // Some mediators are in demand and some are not: a popularity factor per mediator.
  const weight = new Map(meds.map((m) => [m.id, kindWeight[m.kind] * r.logNormal(1, 0.5)]));
  const kind = new Map(meds.map((m) => [m.id, m.kind]));
  const w = (ids: number[]) => weighted(ids.map((id) => [id, weight.get(id)!] as [number, number]));

  const cats = new Map<CategorySlug, number[]>();
  for (const row of db.select().from(mediatorCategories).orderBy(mediatorCategories.mediatorId, mediatorCategories.categorySlug).all())
    if (kind.has(row.mediatorId)) push(cats, row.categorySlug as CategorySlug, row.mediatorId);
  const townsOf = new Map<number, string[]>();
  for (const row of db.select().from(mediatorTowns).orderBy(mediatorTowns.mediatorId, mediatorTowns.townSlug).all())
    push(townsOf, row.mediatorId, row.townSlug);
  const onsite = new Map<string, number[]>();
  for (const [cat, ids] of cats) for (const id of ids) for (const town of townsOf.get(id) ?? []) push(onsite, `${cat}|${town}`, id);
  const members = new Map<number, number[]>();
  for (const row of db.select().from(committeeMembers).orderBy(committeeMembers.committeeId, committeeMembers.mediatorId).all())
    if (kind.has(row.mediatorId)) push(members, row.committeeId, row.mediatorId);
  const committeesOf = new Map<CategorySlug, { id: number; members: number[] }[]>();
  for (const row of db
    .select()
    .from(committeeCategories)
    .orderBy(committeeCategories.committeeId, committeeCategories.categorySlug)
    .all()) {
    const m = members.get(row.committeeId);
    if (m?.length) push(committeesOf, row.categorySlug as CategorySlug, { id: row.committeeId, members: m });
  }

  const seniorIds = meds.filter((m) => m.kind === "senior-mediator").map((m) => m.id);
  const chiefs = new Map<CategorySlug, Weighted<number>>();
  for (const [cat, ids] of cats) {
    const seniors = ids.filter((id) => kind.get(id) === "senior-mediator");
    if (seniors.length) chiefs.set(cat, w(seniors));
  }
  return {
    byCategory: new Map([...cats].map(([cat, ids]) => [cat, w(ids)])),
    onsite: new Map([...onsite].map(([key, ids]) => [key, w(ids)])),
    seniors: w(seniorIds.length ? seniorIds : meds.map((m) => m.id)),
    chiefs,
    committees: committeesOf,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface HistoryResult {
  cases: number;
  open: number;
  users: number;
  ms: number;
}

/**
 * Writes a year of cases ending at `now` (epoch ms) for the pool in `db`, in one transaction with
 * batched inserts. Same pool, `cases`, `now` and `seed` → the same rows.
 */
export function generateHistory(
  db: Db,
  opts: {
    cases: number;
    now: number;
    seed?: number;
    /** Runs in the same transaction, after the rows are written. */ afterWrite?: (tx: Tx) => void;
  },
): HistoryResult {
  const started = performance.now();
  const n = Math.max(0, Math.floor(opts.cases));
  if (n === 0) return { cases: 0, open: 0, users: 0, ms: 0 };
  const r = new Rand(prng(opts.seed ?? 2018));
  const now = opts.now;
  // Index pages of a few hundred thousand rows do not fit SQLite's default 2 MB page cache.
  const cache = db.$client.pragma("cache_size", { simple: true }) as number;
  db.$client.pragma("cache_size = -131072");
  try {
    return write(db, r, n, now, started, opts.afterWrite);
  } finally {
    db.$client.pragma(`cache_size = ${cache}`);
  }
}

function write(db: Db, r: Rand, n: number, now: number, started: number, afterWrite?: (tx: Tx) => void): HistoryResult {
  return db.transaction(
    (tx) => {
      const pool = readPool(tx, r);
      const plans = planCases(r, pool, n, now);
      const written = writePlans(tx, plans, now);
      afterWrite?.(tx);
      return {
        cases: n,
        open: plans.filter((p) => p.status !== "closed").length,
        users: written.users,
        ms: Math.round(performance.now() - started),
      };
    },
    { behavior: "immediate" },
  );
}

// ── writing ────────────────────────────────────────────────────────────────────────────────────────

/**
 * One drizzle insert per table, prepared once with placeholders and run per row (inside the one
 * transaction). Measured on 100k rows: 0.37 s, against 1.5 s for multi-row `values([...])` batches,
 * whose cost is drizzle assembling the SQL of every batch, not SQLite.
 */
function insertAll(tx: Tx, table: SQLiteTable, rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const keys = Object.keys(rows[0]);
  const statement = tx
    .insert(table)
    .values(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as never)
    .prepare();
  for (const row of rows) statement.run(row);
}

function writePlans(tx: Tx, unsorted: CasePlan[], now: number): { users: number } {
  // Ids and numbers follow the order requests came in, as they would have.
  const plans = unsorted
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.createdAt - b.p.createdAt || a.i - b.i)
    .map((x) => x.p);
  const maxId = (name: string) => (tx.get<{ m: number | null }>(sql.raw(`select max(id) as m from ${name}`))?.m ?? 0) + 1;
  let userId = maxId("users");
  let caseId = maxId("cases");
  let partyId = maxId("case_parties");
  let eventId = maxId("case_events");
  let agreementId = maxId("agreements");
  let obligationId = maxId("obligations");
  let instalmentId = maxId("instalments");
  let confirmationId = maxId("judicial_confirmations");
  let ratingId = maxId("ratings");
  const seqs = new Map<number, number>();
  for (const row of tx.all<{ y: number; s: number }>(
    sql`select number_year as y, max(number_seq) as s from cases where number_year is not null group by number_year`,
  ))
    seqs.set(row.y, row.s);

  const periodStart = plans[0]?.createdAt ?? now;
  const userRows: Record<string, unknown>[] = [];
  const staffIds = WINDOW_STAFF.map((name) => {
    const id = userId++;
    userRows.push({
      id,
      email: `window-${id}@demo-history.invalid`,
      passwordHash: NO_LOGIN,
      name,
      phone: null,
      role: "staff",
      locale: "zh",
      createdAt: new Date(periodStart - DAY),
      updatedAt: new Date(periodStart - DAY),
    });
    return id;
  });
  const caseRows: Record<string, unknown>[] = [];
  const partyRows: Record<string, unknown>[] = [];
  const choiceRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const agreementRows: Record<string, unknown>[] = [];
  const obligationRows: Record<string, unknown>[] = [];
  const instalmentRows: Record<string, unknown>[] = [];
  const confirmationRows: Record<string, unknown>[] = [];
  const ratingRows: Record<string, unknown>[] = [];

  for (const p of plans) {
    const id = caseId++;
    const year = localYear(p.createdAt);
    const seq = (seqs.get(year) ?? 0) + 1;
    seqs.set(year, seq);
    const number = caseNumber(year, seq);
    const staff = staffIds[p.windowStaff];
    const filer = p.parties[0];
    if (filer.account && filer.person.userId === undefined) {
      filer.person.userId = userId++;
      const at = new Date(p.createdAt - Math.round(10 * MINUTE));
      userRows.push({
        id: filer.person.userId,
        email: `party-${filer.person.userId}@demo-history.invalid`,
        passwordHash: NO_LOGIN,
        name: filer.person.name,
        phone: filer.person.phone,
        role: "party",
        locale: "zh",
        createdAt: at,
        updatedAt: at,
      });
    }
    const updatedAt = new Date(p.closedAt ?? p.startedAt ?? p.agreedAt ?? p.createdAt);
    caseRows.push({
      id,
      number,
      numberYear: year,
      numberSeq: seq,
      filedByUserId: filer.account ? filer.person.userId : staff,
      channel: p.channel,
      category: p.category,
      description: p.description,
      counterpartyName: null,
      town: p.town,
      amountFen: p.claimFen,
      severity: p.severity,
      deathCompensation: p.death,
      status: p.status,
      outcome: p.outcome,
      mediatorId: p.mediatorId,
      committeeId: p.committeeId,
      dueAt: p.dueAt,
      closedAt: p.closedAt,
      mode: p.mode,
      visits: p.visits,
      outcomeNote: p.outcome ? (FAILURE_NOTES[p.outcome] ?? null) : null,
      createdAt: new Date(p.createdAt),
      updatedAt,
    });
    p.picks.forEach((mediatorId, k) => choiceRows.push({ caseId: id, list: "pick", mediatorId, rank: k + 1 }));

    const inPerson = p.channel === "window";
    for (const party of p.parties) {
      const pid = partyId++;
      const informedAt = party.side === "applicant" ? p.createdAt : (party.consentAt ?? null);
      partyRows.push({
        id: pid,
        caseId: id,
        side: party.side,
        name: party.person.name,
        phone: party.person.phone,
        userId: party.account ? party.person.userId : null,
        inviteCodeHash: null,
        invitedAt: party.side === "respondent" ? p.createdAt + Math.round(5 * MINUTE) : null,
        informedAt,
        consent: party.consent,
        consentAt: party.consentAt,
        consentRecordedBy: party.consent && inPerson ? staff : null,
        agreementAckAt: p.agreement ? p.agreement.effectiveAt : null,
      });
      if (party.stars !== undefined)
        ratingRows.push({
          id: ratingId++,
          caseId: id,
          casePartyId: pid,
          stars: party.stars,
          comment: party.comment ?? null,
          at: party.ratedAt,
          hiddenAt: null,
          hiddenReason: null,
          hiddenBy: null,
        });
    }

    // The audit log, in the case model's words: filed, mediator agreed, mediation started, closed, rated.
    const aid = p.agreement ? agreementId++ : null;
    const story: Record<string, unknown>[] = [];
    const log = (at: number, who: { actor: string; actorUserId: number | null }, event: string, before: object | null, after: object) =>
      story.push({ caseId: id, at, ...who, event, before, after });
    const filedBy = filer.account ? { actor: "applicant", actorUserId: filer.person.userId! } : { actor: "staff", actorUserId: staff };
    const byStaff = { actor: "staff", actorUserId: staff };
    const byMediator = { actor: "mediator", actorUserId: null };
    log(p.createdAt, filedBy, "filed", null, {
      number,
      channel: p.channel,
      category: p.category,
      severity: p.severity,
      picks: p.picks,
      respondents: p.parties.filter((x) => x.side === "respondent").length,
    });
    if (p.agreedAt !== null) {
      const how =
        p.committeeId !== null
          ? "the committee assigned its member"
          : p.severity !== "simple"
            ? "3+X panel led by a senior mediator"
            : p.picks.length
              ? "respondent accepted the applicant's pick"
              : "dispatched by the centre";
      const who = p.committeeId !== null || inPerson || !p.picks.length ? byStaff : { actor: "respondent", actorUserId: null };
      log(
        p.agreedAt,
        who,
        "mediator-agreed",
        { status: "submitted", mediatorId: null },
        { status: "mediator-agreed", mediatorId: p.mediatorId, how },
      );
    }
    if (p.startedAt !== null) log(p.startedAt, byMediator, "mediation-started", { status: "mediator-agreed" }, { status: "in-mediation" });
    if (p.status === "closed") {
      const before = { status: p.startedAt !== null ? "in-mediation" : p.agreedAt !== null ? "mediator-agreed" : "submitted" };
      if (p.outcome === "withdrawn") log(p.closedAt!, filedBy, "withdrawn", before, { status: "closed", outcome: p.outcome });
      else if (p.outcome === "respondent-refused")
        log(p.closedAt!, inPerson ? byStaff : { actor: "respondent", actorUserId: null }, "refused", before, {
          status: "closed",
          outcome: p.outcome,
          recordedBy: inPerson ? staff : null,
        });
      else
        log(p.closedAt!, byMediator, "outcome", before, {
          status: "closed",
          outcome: p.outcome,
          visits: p.visits,
          agreementId: aid,
          obligations: p.agreement?.obligations.length ?? 0,
        });
    }
    if (p.confirmation) log(p.confirmation.at, byStaff, "judicial-confirmation", null, { court: COURT, result: "confirmed" });
    for (const party of p.parties)
      if (party.stars !== undefined)
        log(party.ratedAt!, { actor: party.side, actorUserId: party.account ? party.person.userId! : null }, "rated", null, {
          stars: party.stars,
        });

    if (p.agreement && aid !== null) {
      const a = p.agreement;
      agreementRows.push({
        id: aid,
        caseId: id,
        facts: p.description,
        responsibility: p.death ? "经3+X会商研判，双方在查明事实、分清责任的基础上自愿达成协议" : "双方在调解员主持下自愿达成协议",
        amountFen: a.amountFen,
        madeAt: a.madeAt,
        effectiveAt: a.effectiveAt,
      });
      if (a.effectiveAt !== null && a.effectiveAt > a.madeAt)
        log(a.effectiveAt, { actor: "system", actorUserId: null }, "agreement-effective", null, {
          effectiveAt: a.effectiveAt,
          confirmBy: a.effectiveAt + JUDICIAL_CONFIRMATION_DAYS * DAY,
        });
      for (const o of a.obligations) {
        const oid = obligationId++;
        obligationRows.push({
          id: oid,
          agreementId: aid,
          obligor: o.obligor,
          description: o.description,
          amountFen: o.amountFen,
          method: o.method,
          place: o.place,
        });
        o.instalments.forEach((i, k) => {
          const iid = instalmentId++;
          instalmentRows.push({
            id: iid,
            obligationId: oid,
            seq: k + 1,
            dueOn: i.dueOn,
            amountFen: i.amountFen,
            result: i.result,
            resultAt: i.resultAt,
            remindedAt: i.remindedAt,
          });
          if (i.result && i.resultAt !== null)
            log(i.resultAt, byStaff, "fulfilment", { instalmentId: iid, result: null }, { instalmentId: iid, result: i.result });
        });
      }
    }
    if (p.confirmation) {
      const c = p.confirmation;
      confirmationRows.push({
        id: confirmationId++,
        caseId: id,
        court: COURT,
        appliedOn: c.appliedOn,
        reference: `（${c.decidedOn.slice(0, 4)}）浙0903民特${String(confirmationRows.length + 1).padStart(3, "0")}号`,
        decidedOn: c.decidedOn,
        result: "confirmed",
        createdAt: new Date(endOfLocalDate(c.appliedOn) - 8 * HOUR),
        updatedAt: new Date(c.at),
      });
    }
    // Payments, ratings and the court's decision come in whatever order they came: the log is in time order.
    story.sort((a, b) => (a.at as number) - (b.at as number));
    for (const e of story) eventRows.push({ id: eventId++, ...e });
  }

  insertAll(tx, users, userRows);
  insertAll(tx, cases, caseRows);
  insertAll(tx, caseParties, partyRows);
  insertAll(tx, caseChoices, choiceRows);
  insertAll(tx, caseEvents, eventRows);
  insertAll(tx, agreements, agreementRows);
  insertAll(tx, obligations, obligationRows);
  insertAll(tx, instalments, instalmentRows);
  insertAll(tx, judicialConfirmations, confirmationRows);
  insertAll(tx, ratings, ratingRows);
  return { users: userRows.length };
}
