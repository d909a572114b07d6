// Who sees a case and its parties' phones (issue 8, after ADR 035 narrowed both): a mediator merely on
// the system's shortlist sees nothing of the case; one picked but not agreed on, one booked, and the
// guiding judge see it without phones; the case's own mediator and staff see the phones; a party never
// sees the other side's. And a respondent's phone is written to no log, in process or by the server.
import { format } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { codeSentTo as codeSentToIn, postStep } from "./case-steps";
import { ensureBuilt, startServer, type RunningServer } from "./server";
import { openDb } from "../../db/client";
import { caseChoices, cases, notifications } from "../../db/schema";
import { createBooking, createMediator, createParty, createStaff, firstFreeSlot, retireDemoPool, uniqueMobile } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const casesRoute = await import("~/routes/api.v1.cases");
const caseRoute = await import("~/routes/api.v1.cases.$id");
const consent = await import("~/routes/api.v1.cases.$id.consent");
const outcome = await import("~/routes/api.v1.cases.$id.outcome");
const rating = await import("~/routes/api.v1.cases.$id.rating");
const casePage = await import("~/routes/cases.$id");
const { runJobsOnce } = await import("~/jobs.server");
const { createSession } = await import("~/models/auth.server");

// Only this file's mediators make the shortlist: the demo pool would take its five places.
retireDemoPool(db);

const post = postStep;
const codeSentTo = (phone: string, caseId: number) => codeSentToIn(db, phone, caseId);
const getCase = (id: number, token: string) => call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token });
const listIds = async (token: string) =>
  (await call(casesRoute, "/api/v1/cases?perPage=100", { token })).body.cases.map((c: { id: number }) => c.id);
const phonesOf = (body: { parties: { side: string; phone: string | null }[] }) => body.parties.map((p) => [p.side, p.phone]);

/** The case page's loader data as `userId` gets it, as JSON text. */
async function casePageFor(userId: number, id: number): Promise<string> {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const request = new Request(`http://test.local/cases/${id}`, { headers: { Cookie: `sid=${secret}` } });
  return JSON.stringify(await casePage.loader({ request, params: { id: String(id) }, context: {} }));
}

/** A labour case filed through the API picking `picks`, its respondent invited at `respondentPhone`. */
async function fileCase(token: string, picks: number[], respondentPhone: string) {
  const filed = await call(casesRoute, "/api/v1/cases", {
    method: "POST",
    token,
    body: {
      category: "labour",
      description: "渔业公司拖欠三个月工资，共计三万二千元。",
      town: "liuheng",
      respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone: respondentPhone }],
      picks,
    },
  });
  expect(filed.status).toBe(201);
  return filed.body.id as number;
}

function setup() {
  const now = Date.now();
  const mediator = () => createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now });
  const [first, second, listed] = [mediator(), mediator(), mediator()];
  const applicantPhone = uniqueMobile();
  const respondentPhone = uniqueMobile();
  return { now, first, second, listed, applicantPhone, respondentPhone, applicant: createParty(db, { phone: applicantPhone }) };
}

describe("who sees a case, and whose phones", () => {
  it("a mediator only on the shortlist finds no case; a picked one sees it without phones", async () => {
    const { first, second, listed, applicant, respondentPhone } = setup();
    const id = await fileCase(applicant.token, [first.id, second.id], respondentPhone);
    const onList = (list: "pick" | "shortlist") =>
      db
        .select({ id: caseChoices.mediatorId })
        .from(caseChoices)
        .where(and(eq(caseChoices.caseId, id), eq(caseChoices.list, list)))
        .all()
        .map((r) => r.id);
    // The system suggested `listed`; nobody picked them.
    expect(onList("shortlist")).toContain(listed.id);
    expect(onList("pick")).not.toContain(listed.id);

    expect((await getCase(id, listed.account!.token)).status).toBe(404);
    expect(await listIds(listed.account!.token)).not.toContain(id);

    // Picked and asked, not yet agreed on: the case, but no one's phone.
    const asPicked = await getCase(id, first.account!.token);
    expect(asPicked.status).toBe(200);
    expect(phonesOf(asPicked.body)).toEqual([
      ["applicant", null],
      ["respondent", null],
    ]);
    expect(await listIds(first.account!.token)).toContain(id);
  });

  it("the case's own mediator and staff see the phones; the other pick, a booked mediator and the guiding judge do not", async () => {
    const { now, first, second, applicant, applicantPhone, respondentPhone } = setup();
    const id = await fileCase(applicant.token, [first.id, second.id], respondentPhone);
    const agreed = await post(consent, id, { code: codeSentTo(respondentPhone, id), informed: true, accept: true });
    expect(agreed.body).toMatchObject({ status: "mediator-agreed", mediator: { id: first.id } });
    const both = [
      ["applicant", applicantPhone],
      ["respondent", respondentPhone],
    ];

    expect(phonesOf((await getCase(id, first.account!.token)).body)).toEqual(both);
    expect(phonesOf((await getCase(id, createStaff(db).token)).body)).toEqual(both);

    const booked = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now });
    const slot = firstFreeSlot(db, booked.id, { now, mode: "online" });
    createBooking(db, { partyUserId: applicant.user.id, mediatorId: booked.id, start: slot.startMs, caseId: id, now });
    const judge = createMediator(db, { categories: ["labour"], account: true, now });
    db.update(cases).set({ preLitigationJudgeId: judge.id }).where(eq(cases.id, id)).run();
    for (const token of [second.account!.token, booked.account!.token, judge.account!.token]) {
      const seen = await getCase(id, token);
      expect(seen.status).toBe(200);
      expect(phonesOf(seen.body)).toEqual([
        ["applicant", null],
        ["respondent", null],
      ]);
    }

    // The case page reads the same view: the picked mediator's page holds no phone either.
    const page = await casePageFor(second.account!.user.id, id);
    expect(page).toContain(`"number":`);
    expect(page).not.toContain(applicantPhone);
    expect(page).not.toContain(respondentPhone);
  });

  it("a party never sees the other side's phone", async () => {
    const { first, applicant, applicantPhone, respondentPhone } = setup();
    const id = await fileCase(applicant.token, [first.id], respondentPhone);
    const code = codeSentTo(respondentPhone, id);
    // The respondent answers by code: the case they get back has no applicant's phone.
    const asRespondent = await post(consent, id, { code, informed: true, accept: true });
    expect(asRespondent.body.viewer).toBe("respondent");
    expect(asRespondent.body.parties.find((p: { side: string }) => p.side === "applicant").phone).toBeNull();
    expect(JSON.stringify(asRespondent.body)).not.toContain(applicantPhone);

    const asApplicant = await getCase(id, applicant.token);
    expect(asApplicant.body.viewer).toBe("applicant");
    expect(asApplicant.body.parties.find((p: { side: string }) => p.side === "respondent").phone).toBeNull();
    expect(asApplicant.text).not.toContain(respondentPhone);
    const page = await casePageFor(applicant.user.id, id);
    expect(page).toContain(`"viewer":"applicant"`);
    expect(page).not.toContain(respondentPhone);
  });
});

describe("a respondent's phone is in no log", () => {
  /** Everything written to stdout, stderr and the console while `run` goes. */
  async function capture(run: () => Promise<void>): Promise<string> {
    const written: string[] = [];
    const keep =
      (stream: NodeJS.WriteStream) =>
      (chunk: unknown, ...rest: unknown[]) => {
        written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
        return (stream.write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      };
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stdout, "write").mockImplementation(keep({ write: out } as unknown as NodeJS.WriteStream));
    vi.spyOn(process.stderr, "write").mockImplementation(keep({ write: err } as unknown as NodeJS.WriteStream));
    const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
    const spies = methods.map((m) => vi.spyOn(console, m));
    await run();
    for (const spy of spies) for (const args of spy.mock.calls) written.push(format(...args));
    return written.join("\n");
  }
  afterEach(() => vi.restoreAllMocks());

  it("filing, the invitation, the consent by code and the outcome write it nowhere", async () => {
    const { first, applicant, respondentPhone } = setup();
    const typed = `${respondentPhone.slice(0, 3)} ${respondentPhone.slice(3, 7)} ${respondentPhone.slice(7)}`;
    let id = 0;
    const output = await capture(async () => {
      id = await fileCase(applicant.token, [first.id], typed);
      // The jobs round sends the outbox: the invitation goes out (the dev provider sends nothing).
      await runJobsOnce(Date.now());
      const code = codeSentTo(respondentPhone, id);
      expect((await post(consent, id, { code, informed: true, accept: true })).status).toBe(200);
      expect((await post(outcome, id, { outcome: "no-agreement", visits: 1 }, first.account!.token)).status).toBe(200);
      expect((await post(rating, id, { stars: 4, code })).status).toBe(200);
      await runJobsOnce(Date.now());
    });
    const sent = db.select().from(notifications).where(eq(notifications.to, respondentPhone)).all();
    expect(sent.some((n) => n.template === "case.invitation" && n.deliveredAt !== null)).toBe(true);
    expect(output).not.toContain(respondentPhone);
    expect(output).not.toContain(typed);
  });
});

describe("the server's request log", () => {
  let server: RunningServer;
  beforeAll(async () => {
    ensureBuilt();
    server = await startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "1", ACCESS_LOG: "1" });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("logs a filing with the phone in its body and query without the phone", async () => {
    const { first, applicant, respondentPhone } = setup();
    const body = JSON.stringify({
      category: "labour",
      description: "渔业公司拖欠三个月工资，共计三万二千元。",
      respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone: respondentPhone }],
      picks: [first.id],
    });
    const headers = { Authorization: `Bearer ${applicant.token}`, "Content-Type": "application/json" };
    const filed = await fetch(`${server.url}/api/v1/cases?phone=${respondentPhone}`, { method: "POST", headers, body });
    expect(filed.status).toBe(201);
    // A refused body (an unknown field) is not echoed into the log either.
    const refused = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers, body: body.replace("picks", "pickz") });
    expect(refused.status).toBe(400);
    // The log line is written when the answer finishes: wait until both are there.
    await vi.waitFor(() => expect(server.output().match(/POST \/api\/v1\/cases (201|400)/g)).toHaveLength(2));
    expect(server.output()).not.toContain(respondentPhone);
  });
});
