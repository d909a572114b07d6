// The demo history: deterministic, and at the article's size (45,000 requests) it reproduces the
// centre's 2018 table, computed here with plain SQL from docs/case-figures.md's definitions.
// The full-size year is generated once for the whole file (about 5–10 s on 2 cores).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { caseDaysFor, CATEGORY_SLUGS } from "../domain";
import { allDocuments } from "../search/service";
import { openDb, type Db } from "./client";
import { FIGURES_2018, generateHistory, historyTargets } from "./demo-history";
import { prepareDatabase } from "./seed";

const NOW = Date.parse("2026-12-01T02:00:00Z");
const HISTORY_TABLES = [
  "users",
  "cases",
  "case_parties",
  "case_choices",
  "case_events",
  "agreements",
  "obligations",
  "instalments",
  "judicial_confirmations",
  "ratings",
];

function fresh(): Db {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "history-")), "app.db");
  prepareDatabase(file, { demoAccounts: false, history: 0 });
  return openDb(file);
}

const one = <T = number>(db: Db, sql: string): T => Object.values(db.$client.prepare(sql).get() as object)[0] as T;
const all = <T>(db: Db, sql: string): T[] => db.$client.prepare(sql).all() as T[];

function hashRows(db: Db): string {
  const h = createHash("sha256");
  for (const t of HISTORY_TABLES)
    for (const row of db.$client.prepare(`select * from ${t} order by rowid`).iterate()) h.update(JSON.stringify(row));
  return h.digest("hex");
}

describe("generateHistory", () => {
  it("makes the same rows from the same seed and now, other rows from another seed", () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    generateHistory(a, { cases: 1_500, now: NOW, seed: 11 });
    generateHistory(b, { cases: 1_500, now: NOW, seed: 11 });
    generateHistory(c, { cases: 1_500, now: NOW, seed: 12 });
    expect(one(a, "select count(*) from cases")).toBe(1_500);
    expect(hashRows(a)).toBe(hashRows(b));
    expect(hashRows(c)).not.toBe(hashRows(a));
  });

  it("writes nothing for zero cases", () => {
    const db = fresh();
    expect(generateHistory(db, { cases: 0, now: NOW }).cases).toBe(0);
    expect(one(db, "select count(*) from cases")).toBe(0);
  });
});

describe("a full year: the article's 45,000 requests (generated once, ~5–10 s)", () => {
  let db: Db;
  let outboxBefore: number;
  let ms: number;
  const closed = "status = 'closed' and closed_at is not null";
  const mediated = `${closed} and outcome in ('agreement', 'no-agreement', 'referred-arbitration', 'referred-litigation')`;

  beforeAll(() => {
    db = fresh();
    outboxBefore = one(db, "select count(*) from search_outbox");
    ms = generateHistory(db, { cases: FIGURES_2018.requests, now: NOW }).ms;
    console.log(`45,000 cases of history in ${ms} ms`);
  }, 120_000);

  it("reproduces the centre's 2018 table", () => {
    const f = FIGURES_2018;
    const pct = (x: number) => Math.round(x * 1000) / 10;
    const nClosed = one(db, `select count(*) from cases where ${closed}`);
    expect(one(db, "select count(*) from cases")).toBe(f.requests);
    // About 41,000 online and 4,000 in person.
    expect(Math.round(one(db, "select count(*) from cases where channel = 'online'") / 1000)).toBe(41);
    expect(Math.round(one(db, "select count(*) from cases where channel = 'window'") / 1000)).toBe(4);
    expect(pct(one(db, `select count(*) from cases where ${closed} and visits = 0`) / nClosed)).toBe(77.3);
    expect(pct(one(db, `select count(*) from cases where ${closed} and visits = 1`) / nClosed)).toBe(16.8);
    expect(one(db, `select count(*) from cases where ${closed} and due_at is not null and closed_at <= due_at`)).toBe(nClosed);
    const rated = one(db, `select count(*) from ratings r join cases c on c.id = r.case_id where c.${closed}`);
    const satisfied = one(db, `select count(*) from ratings r join cases c on c.id = r.case_id where c.${closed} and r.stars >= 4`);
    expect(pct(satisfied / rated)).toBe(99.6);
    expect(rated).toBeLessThan(2 * nClosed); // not every party rates

    // 88 major cases, 62 of them death compensation, every one agreed and fulfilled.
    const major = `${closed} and severity in ('major', 'group')`;
    expect(one(db, `select count(*) from cases where ${major}`)).toBe(f.majorCases);
    expect(one(db, `select count(*) from cases where ${major} and outcome = 'agreement'`)).toBe(f.majorCases);
    // Marked as such on the row (the dashboard counts them from it), all of them major ones.
    expect(one(db, "select count(*) from cases where death_compensation = 1")).toBe(f.deathCompensation);
    expect(one(db, `select count(*) from cases where ${major} and death_compensation = 1`)).toBe(f.deathCompensation);
    const instalmentsOf = (c: string) =>
      `select i.result from agreements a join obligations o on o.agreement_id = a.id join instalments i on i.obligation_id = o.id where a.case_id = ${c}`;
    expect(
      one(
        db,
        `select count(*) from cases c where ${major.replaceAll("status", "c.status")} and not exists (${instalmentsOf("c.id")} and (i.result is null or i.result not in ('on-time', 'late')))`,
      ),
    ).toBe(f.majorCases);

    expect(
      one(db, `select count(*) from cases c join towns t on t.slug = c.town_slug where ${mediated} and c.mode = 'online' and t.island = 1`),
    ).toBe(f.islandOnlineMediations);

    // 207 judicial confirmations: 187 fulfilled on time, 20 enforced.
    const confirmed = "select case_id from judicial_confirmations where result = 'confirmed'";
    expect(one(db, `select count(*) from (${confirmed})`)).toBe(f.judicialConfirmations);
    expect(
      one(
        db,
        `select count(*) from (${confirmed}) j where exists (${instalmentsOf("j.case_id")}) and not exists (${instalmentsOf("j.case_id")} and (i.result is null or i.result <> 'on-time'))`,
      ),
    ).toBe(f.fulfilledOnTimeAfterConfirmation);
    expect(
      one(
        db,
        `select count(*) from (${confirmed}) j where exists (${instalmentsOf("j.case_id")} and i.result in ('enforcement-requested', 'enforced'))`,
      ),
    ).toBe(f.enforced);

    // The agreement rate we chose (HISTORY_PARAMS.agreementRate): about 92 % of mediated cases.
    const rate =
      one(db, `select count(*) from cases where ${mediated} and outcome = 'agreement'`) /
      one(db, `select count(*) from cases where ${mediated}`);
    expect(rate).toBeGreaterThan(0.9);
    expect(rate).toBeLessThan(0.94);
  });

  it("keeps every foreign key and writes no search outbox rows; no party's phone reaches a search document", async () => {
    expect(all(db, "pragma foreign_key_check")).toEqual([]);
    expect(one(db, "select count(*) from search_outbox")).toBe(outboxBefore);
    const phones = new Set(
      all<{ phone: string }>(db, "select distinct phone from case_parties where phone is not null").map((r) => r.phone),
    );
    expect([...phones].every((p) => /^1380000\d{4}$/.test(p))).toBe(true);
    const text = JSON.stringify([...allDocuments(db)]);
    expect(text.match(/1380000\d{4}/g) ?? []).toEqual([]);
    // Nor anywhere a case's text is shown or logged.
    expect(one(db, "select count(*) from case_events where coalesce(before, '') || coalesce(after, '') like '%1380000%'")).toBe(0);
    expect(one(db, "select count(*) from cases where summary like '%1380000%'")).toBe(0);
  });

  it("numbers cases per Shanghai year from 1, in the order they came in, over the year ending now", () => {
    const years = all<{ y: number; n: number; lo: number; hi: number; bad: number }>(
      db,
      `select number_year y, count(*) n, min(number_seq) lo, max(number_seq) hi,
              sum(number_year <> cast(strftime('%Y', created_at / 1000 + 8 * 3600, 'unixepoch') as integer)
                  or number <> '普调〔' || number_year || '〕' || printf('%05d', number_seq) || '号') bad
         from cases group by number_year`,
    );
    for (const y of years) expect(y).toEqual({ y: y.y, n: y.n, lo: 1, hi: y.n, bad: 0 });
    expect(one(db, "select count(*) from cases a join cases b on b.id = a.id + 1 where b.created_at < a.created_at")).toBe(0);
    expect(one(db, "select min(created_at) from cases")).toBeGreaterThanOrEqual(NOW - 368 * 86_400_000);
    expect(one(db, "select max(coalesce(closed_at, created_at)) from cases")).toBeLessThanOrEqual(NOW);
    // Due by the category's days, as filing has them (caseDaysFor): labour 15, every other category 30.
    const dueDays = all<{ category: string; days: number }>(
      db,
      "select distinct category_slug category, (due_at - created_at) / 86400000.0 days from cases order by 1, 2",
    );
    expect(dueDays).toEqual([...CATEGORY_SLUGS].sort().map((category) => ({ category, days: caseDaysFor(category) })));
  });

  it("leaves a few dozen cases open in each state, none overdue", () => {
    const open = all<{ status: string; n: number; overdue: number; withMediator: number }>(
      db,
      `select status, count(*) n, sum(due_at <= ${NOW}) overdue, sum(mediator_id is not null) withMediator
         from cases where status <> 'closed' group by status order by status`,
    );
    const per = historyTargets(FIGURES_2018.requests).openPerState;
    expect(per).toBeGreaterThanOrEqual(24);
    expect(open).toEqual([
      { status: "in-mediation", n: per, overdue: 0, withMediator: per },
      { status: "mediator-agreed", n: per, overdue: 0, withMediator: per },
      { status: "submitted", n: per, overdue: 0, withMediator: 0 },
    ]);
    expect(one(db, "select count(*) from cases where status <> 'closed' and (outcome is not null or closed_at is not null)")).toBe(0);
  });

  it("tells each case's story in order, in the day, and never after now", () => {
    // The audit log runs forward: filed first, each event at or after the one before.
    expect(
      one(db, "select count(*) from case_events a join case_events b on b.case_id = a.case_id and b.id = a.id + 1 where b.at < a.at"),
    ).toBe(0);
    expect(
      one(db, "select count(*) from cases c where (select event from case_events e where e.case_id = c.id order by id limit 1) <> 'filed'"),
    ).toBe(0);
    expect(one(db, `select count(*) from case_events where at > ${NOW}`)).toBe(0);
    // A refusal closes the case when it is given; an agreement takes effect once acknowledged, never in the future.
    expect(
      one(
        db,
        "select count(*) from cases c join case_parties p on p.case_id = c.id where c.outcome = 'respondent-refused' and p.side = 'respondent' and (p.consent <> 'refused' or p.consent_at <> c.closed_at)",
      ),
    ).toBe(0);
    expect(one(db, `select count(*) from agreements where effective_at > ${NOW} or effective_at < made_at`)).toBe(0);
    // The court enforces after confirming.
    expect(
      one(
        db,
        `select count(*) from judicial_confirmations j join agreements a on a.case_id = j.case_id join obligations o on o.agreement_id = a.id
           join instalments i on i.obligation_id = o.id where i.result = 'enforced' and i.result_at < (strftime('%s', j.decided_on) * 1000)`,
      ),
    ).toBe(0);
    // Closings fall in the day (8:00–21:00 in Shanghai), bar a few right at the edges of what fits.
    const night = one(
      db,
      `select count(*) from cases where ${closed} and ((closed_at + 8 * 3600000) % 86400000) not between 8 * 3600000 and 21 * 3600000`,
    );
    expect(night / one(db, `select count(*) from cases where ${closed}`)).toBeLessThan(0.02);
  });

  it("chooses mediators by expertise, committee members for committee orders", () => {
    // A mediator works in the case's category, unless it fell to a senior mediator (the fallback, 兜底).
    const outside = one(
      db,
      `select count(*) from cases c join mediators m on m.id = c.mediator_id
        where c.committee_id is null and m.kind <> 'senior-mediator'
          and not exists (select 1 from mediator_categories mc where mc.mediator_id = c.mediator_id and mc.category_slug = c.category_slug)`,
    );
    expect(outside).toBe(0);
    const committee = `select count(*) from cases c where c.committee_id is not null`;
    expect(one(db, committee)).toBeGreaterThan(5_000);
    expect(
      one(
        db,
        `${committee} and (not exists (select 1 from committee_categories cc where cc.committee_id = c.committee_id and cc.category_slug = c.category_slug)
           or (c.mediator_id is not null and not exists (select 1 from committee_members cm where cm.committee_id = c.committee_id and cm.mediator_id = c.mediator_id)))`,
      ),
    ).toBe(0);
    // Every mediated case has its mediator; island towns mostly get maritime and fishery disputes beside the others.
    expect(one(db, `select count(*) from cases where ${mediated} and mediator_id is null`)).toBe(0);
    const busiest = all<{ n: number }>(
      db,
      "select count(*) n from cases where mediator_id is not null group by mediator_id order by n desc",
    );
    expect(busiest.length).toBeGreaterThan(60);
  });

  it("gives agreements obligations and instalments (some paid in 2–6), parties, picks and ratings", () => {
    const counts = all<{ k: number; n: number }>(
      db,
      "select k, count(*) n from (select count(*) k from instalments group by obligation_id) group by k order by k",
    );
    expect(counts.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(one(db, "select count(*) from agreements a where not exists (select 1 from obligations o where o.agreement_id = a.id)")).toBe(0);
    expect(one(db, "select count(*) from cases where outcome = 'agreement'")).toBe(one(db, "select count(*) from agreements"));
    expect(one(db, "select count(*) from instalments where result is null")).toBeGreaterThan(0); // still to pay
    expect(one(db, "select count(*) from instalments where result = 'late'")).toBeGreaterThan(0);
    expect(one(db, "select count(*) from ratings where stars not between 1 and 5")).toBe(0);
    expect(one(db, "select count(*) from ratings r join cases c on c.id = r.case_id where r.at < c.closed_at or r.at > " + NOW)).toBe(0);
    expect(
      one(
        db,
        "select count(*) from cases c where not exists (select 1 from case_parties p where p.case_id = c.id and p.side = 'respondent')",
      ),
    ).toBe(0);
    expect(one(db, "select count(*) from case_choices where list = 'pick'")).toBeGreaterThan(10_000);
    // Online applicants file from their own (non-login) accounts; window cases are filed by window staff.
    expect(
      one(db, "select count(*) from cases c join users u on u.id = c.party_user_id where (c.channel = 'online') <> (u.role = 'party')"),
    ).toBe(0);
    expect(one(db, "select count(*) from users where password_hash not like '!%'")).toBe(0);
    const amounts = all<{ category: string; median: number }>(
      db,
      "select category_slug category, avg(amount_fen) / 100 median from cases where amount_fen is not null group by category_slug",
    );
    const avg = Object.fromEntries(amounts.map((a) => [a.category, a.median]));
    expect(avg["construction"]).toBeGreaterThan(avg["consumer"] * 10);
  });
});
