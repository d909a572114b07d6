// The case steps' two request shapes (ADR 036): the issue's bodies for the outcome, the judicial
// confirmation and the fulfilment, through the real routes, leave a case exactly as their richer
// equivalents (the pages' bodies) do; bad mixtures of the two are 400s naming the field; an agreement
// with no obligation is recorded and printed; and an outcome recorded through the route moves the
// mediator's record and, at the next outbox tick, the search hit's stats.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { pdfText } from "./case-steps";
import { call, type RouteModule } from "./call";
import { openDb } from "../../db/client";
import { agreements, cases, instalments, judicialConfirmations, notifications, obligations } from "../../db/schema";
import { EmbeddedEngine } from "../../search/embedded";
import { SearchService } from "../../search/service";
import { createMediator, createParty, createStaff, uniqueMobile } from "../factories";

const db = openDb(freshDatabase());
const casesRoute = await import("~/routes/api.v1.cases");
const consent = await import("~/routes/api.v1.cases.$id.consent");
const outcome = await import("~/routes/api.v1.cases.$id.outcome");
const acknowledge = await import("~/routes/api.v1.cases.$id.acknowledge");
const confirmation = await import("~/routes/api.v1.cases.$id.judicial-confirmation");
const fulfilment = await import("~/routes/api.v1.cases.$id.fulfilment");
const pdfRoute = await import("~/routes/api.v1.cases.$id.agreement[.]pdf");
const mediatorRecord = await import("~/routes/api.v1.mediators.$id.record");
const { listInstalments } = await import("~/models/case-outcome.server");
const { openApiDocument } = await import("~/openapi/document.server");

let calls = 0;
/** Each call from its own address: invitation codes are counted per address, and this file uses many. */
const post = (mod: RouteModule, id: number, body: unknown, token?: string) => {
  calls += 1;
  const clientAddress = `198.51.${Math.floor(calls / 250)}.${calls % 250}`;
  return call(mod, `/api/v1/cases/${id}/step`, { method: "POST", params: { id: String(id) }, body, token, context: { clientAddress } });
};

const staff = createStaff(db);

/** A case whose mediator both sides agreed on (the respondent accepted the pick with the code sent). */
async function agreedCase(m = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now: Date.now() })) {
  const applicant = createParty(db);
  const phone = uniqueMobile();
  const filed = await call(casesRoute, "/api/v1/cases", {
    method: "POST",
    token: applicant.token,
    body: {
      category: "labour",
      description: "渔业公司拖欠三个月工资，共计三万二千元。",
      town: "liuheng",
      respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone }],
      picks: [m.id],
    },
  });
  expect(filed.status).toBe(201);
  const id = filed.body.id as number;
  const invitation = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.template, "case.invitation")))
    .all()
    .find((n) => n.params?.caseId === id)!;
  const code = String(invitation.params!.code);
  expect((await post(consent, id, { code, informed: true, accept: true })).body.status).toBe("mediator-agreed");
  return { id, number: filed.body.number as string, m, applicant, code };
}

/** A closed case with an agreement in effect (both sides acknowledged it). */
async function effectiveAgreement(agreement: unknown) {
  const c = await agreedCase();
  const closed = await post(outcome, c.id, { outcome: "agreement", visits: 0, agreement }, c.m.account!.token);
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  expect((await post(acknowledge, c.id, {}, c.applicant.token)).status).toBe(200);
  expect((await post(acknowledge, c.id, { code: c.code })).status).toBe(200);
  return c;
}

/** Everything a step writes about a case, without ids or times: two cases compare equal when treated alike. */
function stateOf(caseId: number) {
  const c = db.select().from(cases).where(eq(cases.id, caseId)).get()!;
  const a = db.select().from(agreements).where(eq(agreements.caseId, caseId)).get();
  const obs = a ? db.select().from(obligations).where(eq(obligations.agreementId, a.id)).orderBy(asc(obligations.id)).all() : [];
  const jc = db.select().from(judicialConfirmations).where(eq(judicialConfirmations.caseId, caseId)).get();
  return {
    case: { status: c.status, outcome: c.outcome, visits: c.visits, mode: c.mode, note: c.outcomeNote },
    agreement: a && { facts: a.facts, responsibility: a.responsibility, amountFen: a.amountFen },
    obligations: obs.map((o) => ({
      obligor: o.obligor,
      description: o.description,
      amountFen: o.amountFen,
      method: o.method,
      place: o.place,
      instalments: db
        .select()
        .from(instalments)
        .where(eq(instalments.obligationId, o.id))
        .orderBy(asc(instalments.seq))
        .all()
        .map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountFen: i.amountFen, result: i.result })),
    })),
    confirmation: jc && { court: jc.court, appliedOn: jc.appliedOn, reference: jc.reference, decidedOn: jc.decidedOn, result: jc.result },
  };
}

/** The answer's part that does not name the case. */
const gist = (body: { status: string; outcome: string | null; visits: number | null; actions: string[] }) => ({
  status: body.status,
  outcome: body.outcome,
  visits: body.visits,
  actions: body.actions,
});

const wages = {
  obligor: "respondent",
  description: "支付拖欠的工资",
  amountYuan: 32000,
  method: "银行转账",
  instalments: [
    { dueOn: "2031-01-15", amountYuan: 16000 },
    { dueOn: "2031-02-15", amountYuan: 16000 },
  ],
};
const apology = { obligor: "respondent", description: "书面赔礼道歉", dueOn: "2031-01-05" };
const FACTS = "经核实，被申请人尚欠申请人工资人民币32,000元，双方对欠薪事实无异议。";

describe("POST /api/v1/cases/:id/outcome", () => {
  it("takes the issue's {summary, amountYuan?, obligations?} as the pages' {facts, …}", async () => {
    const [issue, rich] = [await agreedCase(), await agreedCase()];
    const common = { outcome: "agreement", visits: 1, note: "当场调解" };
    const a = await post(
      outcome,
      issue.id,
      { ...common, agreement: { summary: FACTS, amountYuan: 32000, obligations: [wages] } },
      issue.m.account!.token,
    );
    const b = await post(
      outcome,
      rich.id,
      { ...common, agreement: { facts: FACTS, amountYuan: 32000, obligations: [wages] } },
      rich.m.account!.token,
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(gist(a.body)).toEqual(gist(b.body));
    expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    expect(stateOf(issue.id)).toMatchObject({
      case: { status: "closed", outcome: "agreement", visits: 1, note: "当场调解" },
      agreement: { facts: FACTS, responsibility: "", amountFen: 3_200_000 },
      obligations: [{ instalments: [{ seq: 1 }, { seq: 2 }] }],
    });
  });

  it("refuses summary and facts together, or neither, on agreement.summary", async () => {
    const c = await agreedCase();
    for (const agreement of [{ summary: FACTS, facts: FACTS }, { amountYuan: 100 }]) {
      const res = await post(outcome, c.id, { outcome: "agreement", visits: 0, agreement }, c.m.account!.token);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_input", fields: { "agreement.summary": [expect.any(String)] } });
    }
    // Neither shape lets a field of the other through unknown.
    const stray = await post(
      outcome,
      c.id,
      { outcome: "agreement", visits: 0, agreement: { summary: FACTS, court: "x" } },
      c.m.account!.token,
    );
    expect(stray.status).toBe(400);
    expect(Object.keys(stray.body.error.fields)).toEqual(["agreement"]);
    expect(stateOf(c.id).case.status).toBe("mediator-agreed");
  });

  it("records an agreement with no obligation, in either shape, and prints it", async () => {
    const [issue, rich] = [await agreedCase(), await agreedCase()];
    const summary = "被申请人当面向申请人赔礼道歉，申请人表示谅解，双方纠纷就此了结。";
    const a = await post(outcome, issue.id, { outcome: "agreement", visits: 1, agreement: { summary } }, issue.m.account!.token);
    const b = await post(
      outcome,
      rich.id,
      { outcome: "agreement", visits: 1, agreement: { facts: summary, obligations: [] } },
      rich.m.account!.token,
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    expect(stateOf(issue.id)).toMatchObject({ agreement: { facts: summary }, obligations: [] });

    const request = new Request(`http://test.local/api/v1/cases/${issue.id}/agreement.pdf`, {
      headers: { Authorization: `Bearer ${issue.applicant.token}` },
    });
    const pdf = (await pdfRoute.loader({ request, params: { id: String(issue.id) }, context: {} })) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = await pdfText(pdf);
    expect(text).toContain(issue.number);
    expect(text).toContain(issue.applicant.user.name);
    expect(text).toContain("被申请人当面向申请人赔礼道歉");
    expect(text).toContain("本协议不设需要履行的义务");

    // Nothing to fulfil: a fulfilment that names no instalment has none to choose.
    expect((await post(acknowledge, issue.id, {}, issue.applicant.token)).status).toBe(200);
    expect((await post(acknowledge, issue.id, { code: issue.code })).status).toBe(200);
    const nothing = await post(fulfilment, issue.id, { result: "on-time" }, staff.token);
    expect(nothing.status).toBe(400);
    expect(nothing.body.error).toMatchObject({ code: "invalid_input", fields: { obligation: [expect.any(String)] } });
  }, 30_000);
});

describe("POST /api/v1/cases/:id/judicial-confirmation", () => {
  const court = "普陀区人民法院";
  const reference = "(2030)浙0903民特1号";

  it("takes confirmedOn with a result as the decision's day, the application recorded the same day", async () => {
    const [issue, rich] = [
      await effectiveAgreement({ summary: FACTS, obligations: [wages] }),
      await effectiveAgreement({ facts: FACTS, obligations: [wages] }),
    ];
    const a = await post(confirmation, issue.id, { court, confirmedOn: "2030-12-28", reference, result: "confirmed" }, staff.token);
    const b = await post(
      confirmation,
      rich.id,
      { court, appliedOn: "2030-12-28", decidedOn: "2030-12-28", reference, result: "confirmed" },
      staff.token,
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(gist(a.body)).toEqual(gist(b.body));
    expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    expect(stateOf(issue.id).confirmation).toEqual({
      court,
      appliedOn: "2030-12-28",
      reference,
      decidedOn: "2030-12-28",
      result: "confirmed",
    });
  }, 30_000);

  it("takes confirmedOn without a result as the application's day, and keeps it when the decision follows", async () => {
    const [issue, rich] = [
      await effectiveAgreement({ summary: FACTS, obligations: [wages] }),
      await effectiveAgreement({ facts: FACTS, obligations: [wages] }),
    ];
    const applied = [
      await post(confirmation, issue.id, { court, confirmedOn: "2030-12-20", reference }, staff.token),
      await post(confirmation, rich.id, { court, appliedOn: "2030-12-20", reference }, staff.token),
    ];
    expect(applied.map((r) => r.status)).toEqual([200, 200]);
    expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    expect(stateOf(issue.id).confirmation).toMatchObject({ appliedOn: "2030-12-20", decidedOn: null, result: null });
    const decided = [
      await post(confirmation, issue.id, { court, confirmedOn: "2030-12-28", reference, result: "rejected" }, staff.token),
      await post(
        confirmation,
        rich.id,
        { court, appliedOn: "2030-12-20", decidedOn: "2030-12-28", reference, result: "rejected" },
        staff.token,
      ),
    ];
    expect(decided.map((r) => r.status)).toEqual([200, 200]);
    expect(gist(decided[0]!.body)).toEqual(gist(decided[1]!.body));
    expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    expect(stateOf(issue.id).confirmation).toMatchObject({ appliedOn: "2030-12-20", decidedOn: "2030-12-28", result: "rejected" });
  }, 30_000);

  it("refuses a mixture of the two shapes, naming the field", async () => {
    const c = await effectiveAgreement({ summary: FACTS, obligations: [wages] });
    const bad: [unknown, string][] = [
      [{ court, reference }, "confirmedOn"],
      [{ court, confirmedOn: "2030-12-28", appliedOn: "2030-12-20" }, "confirmedOn"],
      [{ court, confirmedOn: "2030-12-28", decidedOn: "2030-12-28", result: "confirmed" }, "confirmedOn"],
      [{ court, appliedOn: "2030-12-20", result: "confirmed" }, "decidedOn"],
      [{ court, confirmedOn: "2030-02-30" }, "confirmedOn"],
    ];
    for (const [body, field] of bad) {
      const res = await post(confirmation, c.id, body, staff.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    expect(stateOf(c.id).confirmation).toBeUndefined();
  }, 30_000);
});

describe("POST /api/v1/cases/:id/fulfilment", () => {
  it("takes an obligation for its earliest unsettled instalment, and nothing for the only one left", async () => {
    const issue = await effectiveAgreement({ summary: FACTS, obligations: [wages, apology] });
    const rich = await effectiveAgreement({ facts: FACTS, obligations: [wages, apology] });
    const [wagesId] = [...new Set(listInstalments(db, issue.id).map((i) => i.obligationId))];
    const instalmentOf = (caseId: number, obligationIndex: number, seq: number) => {
      const obligationIds = [...new Set(listInstalments(db, caseId).map((i) => i.obligationId))];
      return listInstalments(db, caseId).find((i) => i.obligationId === obligationIds[obligationIndex] && i.seq === seq)!.id;
    };

    // Confirmed by the court, so an unpaid instalment may go to enforcement.
    for (const c of [issue, rich])
      expect(
        (await post(confirmation, c.id, { court: "普陀区人民法院", confirmedOn: "2030-12-28", result: "confirmed" }, staff.token)).status,
      ).toBe(200);

    // Three unsettled instalments: one must be named.
    const unnamed = await post(fulfilment, issue.id, { result: "on-time" }, staff.token);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error).toMatchObject({ code: "invalid_input", fields: { obligation: [expect.any(String)] } });

    const steps: [unknown, unknown][] = [
      [
        { result: "on-time", obligation: wagesId },
        { result: "on-time", instalmentId: instalmentOf(rich.id, 0, 1) },
      ],
      [
        { result: "enforcement-requested", obligation: wagesId },
        { result: "enforcement-requested", instalmentId: instalmentOf(rich.id, 0, 2) },
      ],
      // Awaiting enforcement is not settled: the same instalment again.
      [
        { result: "late", obligation: wagesId },
        { result: "late", instalmentId: instalmentOf(rich.id, 0, 2) },
      ],
      // Only the apology is left.
      [{ result: "on-time" }, { result: "on-time", instalmentId: instalmentOf(rich.id, 1, 1) }],
    ];
    for (const [issueBody, richBody] of steps) {
      const a = await post(fulfilment, issue.id, issueBody, staff.token);
      const b = await post(fulfilment, rich.id, richBody, staff.token);
      expect([a.status, b.status], JSON.stringify(issueBody)).toEqual([200, 200]);
      expect(gist(a.body)).toEqual(gist(b.body));
      expect(stateOf(issue.id)).toEqual(stateOf(rich.id));
    }
    expect(listInstalments(db, issue.id).map((i) => i.result)).toEqual(["on-time", "late", "on-time"]);

    // Every instalment of the obligation is settled: name one (instalmentId) to correct it.
    const settled = await post(fulfilment, issue.id, { result: "late", obligation: wagesId }, staff.token);
    expect(settled.status).toBe(400);
    expect(Object.keys(settled.body.error.fields)).toEqual(["obligation"]);
    // Another case's obligation, or none at all, is not this case's.
    const [otherObligation] = listInstalments(db, rich.id);
    expect((await post(fulfilment, issue.id, { result: "late", obligation: otherObligation!.obligationId }, staff.token)).status).toBe(404);
    // Both ways of naming at once.
    const both = await post(
      fulfilment,
      issue.id,
      { result: "late", obligation: wagesId, instalmentId: instalmentOf(issue.id, 0, 1) },
      staff.token,
    );
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.error.fields)).toEqual(["obligation"]);
    expect(listInstalments(db, issue.id).map((i) => i.result)).toEqual(["on-time", "late", "on-time"]);
  }, 30_000);
});

describe("an outcome recorded through the route", () => {
  it("moves the mediator's record, and the search hit's stats at the next outbox tick", async () => {
    const m = createMediator(db, { title: "潮间带形状评议员", categories: ["labour"], modes: ["online"], account: true, now: Date.now() });
    const c = await agreedCase(m);
    const record = async () => {
      const res = await call(mediatorRecord as RouteModule, `/api/v1/mediators/${m.id}/record`, { params: { id: String(m.id) } });
      expect(res.status).toBe(200);
      return res.body;
    };
    const service = new SearchService(db, new EmbeddedEngine(), { pollMs: 1_000_000 });
    await service.ready;
    const hit = async () =>
      (await service.search({ q: "潮间带形状评议员", filters: {}, sort: "relevance", page: 1, perPage: 20 })).hits.find(
        (h) => h.document.id === `mediator-${m.id}`,
      )!.document;
    expect(await record()).toMatchObject({ closed: 0, agreements: 0, agreementRate: null });
    expect(await hit()).toMatchObject({ closed: 0, agreements: 0, successRate: null });
    const before = (await hit()).score;

    const closed = await post(outcome, c.id, { outcome: "agreement", visits: 0, agreement: { summary: FACTS } }, m.account!.token);
    expect(closed.status).toBe(200);
    expect(await record()).toMatchObject({ closed: 1, mediated: 1, agreements: 1, agreementRate: 1 });
    await service.tick();
    const after = await hit();
    expect(after).toMatchObject({ closed: 1, agreements: 1, successRate: 1 });
    expect(after.score).toBeGreaterThan(before);
    service.stop();
  }, 30_000);
});

describe("the description", () => {
  it("describes both shapes of each step's body, and not their mixtures", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: typeof ajv) => void;
    addFormats(ajv);
    const doc = openApiDocument(Date.now()) as unknown as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: object }> } } }>;
    };
    const fits = (step: string) =>
      ajv.compile(doc.paths[`/api/v1/cases/{id}/${step}`]!.post.requestBody.content["application/json"]!.schema);
    const court = "普陀区人民法院";
    const cases: [string, unknown, boolean][] = [
      ["outcome", { outcome: "agreement", visits: 0, agreement: { summary: FACTS } }, true],
      [
        "outcome",
        { outcome: "agreement", visits: 0, agreement: { facts: FACTS, responsibility: "被申请人负全部责任", obligations: [wages] } },
        true,
      ],
      ["outcome", { outcome: "agreement", visits: 0, agreement: { summary: FACTS, facts: FACTS } }, false],
      ["outcome", { outcome: "agreement", visits: 0, agreement: { amountYuan: 1 } }, false],
      ["judicial-confirmation", { court, confirmedOn: "2030-12-28", reference: "x", result: "confirmed" }, true],
      ["judicial-confirmation", { court, confirmedOn: "2030-12-20", reference: "x" }, true],
      ["judicial-confirmation", { court, appliedOn: "2030-12-20", decidedOn: "2030-12-28", result: "rejected" }, true],
      ["judicial-confirmation", { court, appliedOn: "2030-12-20" }, true],
      ["judicial-confirmation", { court }, false],
      ["judicial-confirmation", { court, confirmedOn: "2030-12-28", appliedOn: "2030-12-20" }, false],
      ["judicial-confirmation", { court, confirmedOn: "2030-12-28", decidedOn: "2030-12-28", result: "confirmed" }, false],
      ["judicial-confirmation", { court, appliedOn: "2030-12-20", result: "confirmed" }, false],
      ["fulfilment", { result: "on-time" }, true],
      ["fulfilment", { result: "on-time", obligation: 3 }, true],
      ["fulfilment", { result: "on-time", instalmentId: 7 }, true],
      ["fulfilment", { result: "on-time", instalmentId: 7, obligation: 3 }, false],
    ];
    for (const [step, body, described] of cases) expect(fits(step)(body), `${step} ${JSON.stringify(body)}`).toBe(described);
  });
});
