// A case through the API, from filing to a rated agreement: mutual choice by the invitation code,
// the outcome with its agreement, acknowledgements, judicial confirmation, fulfilment, rating, the audit
// log and the PDF; and the other roads: a refusal, a ranking, illegal steps, privacy.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { codeSentTo as codeSentToIn, pdfText, postStep } from "./case-steps";
import { openDb } from "../../db/client";
import { bookings, cases, notifications } from "../../db/schema";
import { createBooking, createMediator, createParty, createStaff, firstFreeSlot } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const casesRoute = await import("~/routes/api.v1.cases");
const caseRoute = await import("~/routes/api.v1.cases.$id");
const consent = await import("~/routes/api.v1.cases.$id.consent");
const outcome = await import("~/routes/api.v1.cases.$id.outcome");
const acknowledge = await import("~/routes/api.v1.cases.$id.acknowledge");
const confirmation = await import("~/routes/api.v1.cases.$id.judicial-confirmation");
const fulfilment = await import("~/routes/api.v1.cases.$id.fulfilment");
const rating = await import("~/routes/api.v1.cases.$id.rating");
const auditRoute = await import("~/routes/api.v1.cases.$id.audit");
const pdfRoute = await import("~/routes/api.v1.cases.$id.agreement[.]pdf");
const { listInstalments } = await import("~/models/case-outcome.server");

const post = postStep;
const codeSentTo = (phone: string, caseId: number) => codeSentToIn(db, phone, caseId);

function setup() {
  const now = Date.now();
  const m = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now });
  const applicant = createParty(db);
  const staff = createStaff(db);
  return { now, m, applicant, staff };
}

const filing = (picks: number[], phone = "13800000123") => ({
  category: "labour",
  description: "渔业公司拖欠三个月工资，共计三万二千元。",
  town: "liuheng",
  amountYuan: 32000,
  respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone }],
  picks,
});

describe("a case from filing to a rated agreement", () => {
  it("runs the whole road, each step recorded", async () => {
    const { m, applicant, staff } = setup();
    const filed = await call(casesRoute, "/api/v1/cases", { method: "POST", token: applicant.token, body: filing([m.id]) });
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({ id: expect.any(Number), number: expect.stringMatching(/^普调〔\d{4}〕\d{5}号$/), status: "submitted" });
    const id = filed.body.id as number;
    const code = codeSentTo("13800000123", id);
    // A labour dispute is to be concluded within 15 days (the law's time), others within 30.
    const filedRow = db.select().from(cases).where(eq(cases.id, id)).get()!;
    expect(filedRow.dueAt! - filedRow.createdAt.getTime()).toBe(15 * 86_400_000);

    // The respondent answers with the code, but must first acknowledge what mediation is.
    const uninformed = await post(consent, id, { code, accept: true });
    expect(uninformed.status).toBe(400);
    // The refusal carries a stable reason on the field it concerns (pages word it; clients decide by it).
    expect(uninformed.body.error).toMatchObject({
      code: "invalid_input",
      reason: "not_informed",
      fields: { informed: [expect.any(String)] },
    });
    const wrongCode = await post(consent, id, { code: "ZZZZZZZZ", informed: true, accept: true });
    expect(wrongCode.status).toBe(404);
    const agreed = await post(consent, id, { code, informed: true, accept: true });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: "mediator-agreed", mediator: { id: m.id }, viewer: "respondent" });

    // Privacy: the applicant does not see the respondent's phone; staff and the mediator do; a stranger sees no case.
    const asApplicant = await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: applicant.token });
    expect(asApplicant.body.parties.map((p: { phone: string | null }) => p.phone)).toEqual([null, null]);
    const asStaff = await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: staff.token });
    expect(asStaff.body.parties.find((p: { side: string }) => p.side === "respondent").phone).toBe("13800000123");
    const stranger = createParty(db);
    expect((await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: stranger.token })).status).toBe(404);

    // Only the case's own mediator records the outcome.
    const other = createMediator(db, { categories: ["labour"], account: true, now: Date.now() });
    const agreement = {
      outcome: "agreement",
      visits: 0,
      mode: "online",
      agreement: {
        facts: "经核实，被申请人尚欠申请人工资人民币32,000元。",
        obligations: [
          {
            obligor: "respondent",
            description: "支付拖欠的工资",
            amountYuan: 32000,
            method: "银行转账",
            instalments: [
              { dueOn: "2031-01-15", amountYuan: 16000 },
              { dueOn: "2031-02-15", amountYuan: 16000 },
            ],
          },
        ],
      },
    };
    expect((await post(outcome, id, agreement, other.account!.token)).status).toBe(404);
    expect((await post(outcome, id, { ...agreement, agreement: undefined }, m.account!.token)).status).toBe(400);
    const closed = await post(outcome, id, agreement, m.account!.token);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", outcome: "agreement", visits: 0 });
    const again = await post(outcome, id, agreement, m.account!.token);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "illegal_transition",
      reason: "no_outcome_now",
      message: expect.stringContaining("a closed case cannot record-outcome"),
    });

    // Confirmation needs the agreement in effect: every party acknowledges it first.
    const early = await post(confirmation, id, { court: "普陀区人民法院", appliedOn: "2030-12-20" }, staff.token);
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe("agreement_not_effective");
    expect((await post(acknowledge, id, {}, applicant.token)).status).toBe(200);
    // Each party acknowledges once: a second click would overwrite the recorded time.
    const ackTwice = await post(acknowledge, id, {}, applicant.token);
    expect([ackTwice.status, ackTwice.body.error.reason]).toEqual([409, "already_acknowledged"]);
    expect((await post(acknowledge, id, { code })).status).toBe(200);
    const confirmed = await post(
      confirmation,
      id,
      { court: "普陀区人民法院", appliedOn: "2030-12-20", decidedOn: "2030-12-28", result: "confirmed", reference: "(2030)浙0903民特1号" },
      staff.token,
    );
    expect(confirmed.status).toBe(200);
    const notStaff = await post(confirmation, id, { court: "普陀区人民法院", appliedOn: "2030-12-20" }, applicant.token);
    expect([notStaff.status, notStaff.body.error.reason]).toEqual([403, "not_your_step"]);
    const [first] = listInstalments(db, id);
    expect((await post(fulfilment, id, { instalmentId: first.id, result: "on-time" }, staff.token)).status).toBe(200);
    expect(listInstalments(db, id).map((i) => i.result)).toEqual(["on-time", null]);
    expect((await post(fulfilment, id, { instalmentId: 999_999, result: "on-time" }, staff.token)).status).toBe(404);

    // The obligor is reminded once, a few days before the unpaid instalment is due; the paid one is not.
    const { sendFulfilmentReminders } = await import("~/models/case-reminders.server");
    expect(sendFulfilmentReminders(db, Date.parse("2031-01-01T09:00:00+08:00"))).toBe(0);
    expect(sendFulfilmentReminders(db, Date.parse("2031-02-13T09:00:00+08:00"))).toBe(1);
    expect(sendFulfilmentReminders(db, Date.parse("2031-02-14T09:00:00+08:00"))).toBe(0);
    const reminded = db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "case.instalment-due"))
      .all()
      .filter((n) => n.params?.caseId === id);
    expect(reminded.map((n) => [n.to, n.params?.dueOn])).toEqual([["13800000123", "2031-02-15"]]);

    expect((await post(rating, id, { stars: 5, comment: "调解员很耐心" }, applicant.token)).status).toBe(200);
    const twice = await post(rating, id, { stars: 1 }, applicant.token);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "illegal_transition", reason: "already_rated" });
    expect((await post(rating, id, { stars: 4, code })).status).toBe(200);

    // Staff hide an abusive comment, with a reason; a party may not.
    const hide = await import("~/routes/api.v1.ratings.$id.hide");
    const { ratings } = await import("../../db/schema");
    // The applicant's rating (5 stars, the first given).
    const mine = db.select().from(ratings).where(eq(ratings.caseId, id)).orderBy(ratings.id).all()[0];
    const hideCall = (token: string, body: unknown) =>
      call(hide, `/api/v1/ratings/${mine.id}/hide`, { method: "POST", params: { id: String(mine.id) }, body, token });
    expect((await hideCall(applicant.token, { reason: "不当言论" })).status).toBe(403);
    expect((await hideCall(staff.token, {})).status).toBe(400);
    expect((await hideCall(staff.token, { reason: "含有辱骂内容" })).status).toBe(200);
    expect(db.select().from(ratings).where(eq(ratings.id, mine.id)).get()).toMatchObject({
      hiddenReason: "含有辱骂内容",
      hiddenBy: staff.user.id,
      stars: 5,
    });

    const log = await call(auditRoute, `/api/v1/cases/${id}/audit`, { params: { id: String(id) }, token: staff.token });
    expect(log.body.events.map((e: { event: string }) => e.event)).toEqual([
      "filed",
      "informed",
      "mediator-agreed",
      "outcome",
      "agreement-acknowledged",
      "agreement-acknowledged",
      "agreement-effective",
      "judicial-confirmation",
      "fulfilment",
      "rated",
      "rated",
      "rating-hidden",
    ]);
    expect(JSON.stringify(log.body)).not.toContain("13800000123");
    expect((await call(auditRoute, `/api/v1/cases/${id}/audit`, { params: { id: String(id) }, token: applicant.token })).status).toBe(403);

    // Parties' personal data is never indexed: search finds neither the respondent's phone nor its name.
    const searchRoute = await import("~/routes/api.v1.search");
    const { getSearchService } = await import("~/search.server");
    await getSearchService().ready;
    await getSearchService().tick();
    for (const q of ["13800000123", "舟山蓝湾示例渔业有限公司", applicant.user.name]) {
      const found = await call(searchRoute, `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(JSON.stringify(found.body.hits)).not.toContain(q);
    }

    const request = new Request(`http://test.local/api/v1/cases/${id}/agreement.pdf`, {
      headers: { Authorization: `Bearer ${applicant.token}` },
    });
    const pdf = (await pdfRoute.loader({ request, params: { id: String(id) }, context: {} })) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = await pdfText(pdf);
    expect(text).toContain(closed.body.number.replace(/〔|〕/g, (b: string) => b));
    expect(text).toContain(applicant.user.name);
    expect(text).toContain("舟山蓝湾示例渔业有限公司");
    expect(text).not.toContain("13800000123");

    // The unpaid instalment goes to the court: a confirmed agreement may be enforced.
    const second = listInstalments(db, id)[1];
    expect((await post(fulfilment, id, { instalmentId: second.id, result: "enforcement-requested" }, staff.token)).status).toBe(200);
    // Had the court rejected it, staff could send the case back to mediation: the read offers it.
    expect((await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: staff.token })).body.actions).toEqual([]);
    await post(
      confirmation,
      id,
      { court: "普陀区人民法院", appliedOn: "2030-12-20", decidedOn: "2030-12-28", result: "rejected" },
      staff.token,
    );
    expect((await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: staff.token })).body.actions).toEqual([
      "reopen",
    ]);
    // …and enforcement is then refused: only a confirmed agreement is enforced.
    const unenforceable = await post(fulfilment, id, { instalmentId: second.id, result: "enforced" }, staff.token);
    expect([unenforceable.status, unenforceable.body.error.reason]).toEqual([409, "not_confirmed"]);
  }, 60_000);
});

describe("other roads", () => {
  it("a refusal closes the case as respondent-refused and releases the held time", async () => {
    const { now, m, applicant } = setup();
    const filed = await call(casesRoute, "/api/v1/cases", { method: "POST", token: applicant.token, body: filing([m.id], "13800000456") });
    const id = filed.body.id as number;
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const b = createBooking(db, { partyUserId: applicant.user.id, mediatorId: m.id, start: slot.start, caseId: id, now });
    const refused = await post(consent, id, { code: codeSentTo("13800000456", id), informed: true, refuse: true });
    expect(refused.body).toMatchObject({ status: "closed", outcome: "respondent-refused" });
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.status).toBe("cancelled");
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "case.refused"))
      .all()
      .filter((n) => n.params?.caseId === id);
    expect(told.map((n) => n.to).sort()).toEqual([applicant.email, "13800000456"].sort());
  });

  it("a case closed before its booked session gives that time up; a session already held stays", async () => {
    const { now, m, applicant } = setup();
    const filed = await call(casesRoute, "/api/v1/cases", { method: "POST", token: applicant.token, body: filing([m.id], "13800000457") });
    const id = filed.body.id as number;
    const held = createBooking(db, {
      partyUserId: applicant.user.id,
      mediatorId: m.id,
      start: now - 3 * 3_600_000,
      caseId: id,
      status: "confirmed",
      now,
    });
    const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
    const later = createBooking(db, {
      partyUserId: applicant.user.id,
      mediatorId: m.id,
      start: slot.start,
      caseId: id,
      status: "confirmed",
      now,
    });
    expect((await post(consent, id, { code: codeSentTo("13800000457", id), informed: true, accept: true })).body.status).toBe(
      "mediator-agreed",
    );
    // Agreed at the centre's window on the spot: the session booked for later is no longer needed.
    const closed = await post(outcome, id, { outcome: "no-agreement", visits: 1 }, m.account!.token);
    expect(closed.body).toMatchObject({ status: "closed", outcome: "no-agreement" });
    const statusOf = (bookingId: number) => db.select().from(bookings).where(eq(bookings.id, bookingId)).get()!.status;
    expect([statusOf(held.id), statusOf(later.id)]).toEqual(["confirmed", "cancelled"]);
    expect(firstFreeSlot(db, m.id, { now, mode: "online" }).start).toBe(slot.start);
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "case.booking-released"))
      .all()
      .filter((n) => n.params?.bookingId === later.id)
      .map((n) => n.to)
      .sort();
    expect(told).toEqual([applicant.email, m.account!.email].sort());
  });

  it("both sides rank the shortlist: the best combined rank is agreed on", async () => {
    const now = Date.now();
    const [x, y, z] = [0, 1, 2].map(() => createMediator(db, { categories: ["neighbourhood"], modes: ["online"], account: true, now }));
    const applicant = createParty(db);
    const filed = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: applicant.token,
      body: { ...filing([x.id, y.id, z.id], "13800000789"), category: "neighbourhood", informed: true },
    });
    const id = filed.body.id as number;
    // The applicant acknowledged what mediation is when filing: the ranking needs no second tick.
    expect((await post(consent, id, { ranking: [x.id, y.id, z.id] }, applicant.token)).body.status).toBe("submitted");
    const outsider = createMediator(db, { categories: ["medical"], now });
    const outside = await post(consent, id, { code: codeSentTo("13800000789", id), informed: true, ranking: [outsider.id] });
    expect(outside.body.error).toMatchObject({
      code: "invalid_input",
      reason: "not_on_shortlist",
      fields: { ranking: [expect.any(String)] },
    });
    const chosen = await post(consent, id, { code: codeSentTo("13800000789", id), informed: true, ranking: [y.id, z.id] });
    expect(chosen.body).toMatchObject({ status: "mediator-agreed", mediator: { id: y.id } });
    expect(db.select().from(cases).where(eq(cases.id, id)).get()!.mediatorId).toBe(y.id);
    // A mediator who was only picked still sees the case, but may take no step on it; the chosen one may.
    const asPicked = await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: x.account!.token });
    expect(asPicked.body).toMatchObject({ viewer: "mediator", actions: [] });
    const asChosen = await call(caseRoute, `/api/v1/cases/${id}`, { params: { id: String(id) }, token: y.account!.token });
    expect(asChosen.body.actions).toEqual(["start-mediation", "record-outcome"]);
  });

  it("the ranking lands on another mediator than the booked pick: the pick's held time is released, everyone told", async () => {
    const now = Date.now();
    const [x, y] = [0, 1].map(() => createMediator(db, { categories: ["neighbourhood"], modes: ["online"], account: true, now }));
    const applicant = createParty(db);
    const filed = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: applicant.token,
      body: { ...filing([x.id, y.id], "13800000790"), category: "neighbourhood", informed: true },
    });
    const id = filed.body.id as number;
    // The applicant booked their first pick; the session waits for the other side's consent.
    const slotX = firstFreeSlot(db, x.id, { now, mode: "online" });
    const heldX = createBooking(db, {
      partyUserId: applicant.user.id,
      mediatorId: x.id,
      start: slotX.start,
      caseId: id,
      status: "confirmed",
      now,
    });
    expect((await post(consent, id, { ranking: [x.id, y.id] }, applicant.token)).body.status).toBe("submitted");
    // The respondent ranks y alone: the best combined rank is y (x is unranked by them).
    const chosen = await post(consent, id, { code: codeSentTo("13800000790", id), informed: true, ranking: [y.id] });
    expect(chosen.body).toMatchObject({ status: "mediator-agreed", mediator: { id: y.id } });
    const b = db.select().from(bookings).where(eq(bookings.id, heldX.id)).get()!;
    expect([b.status, b.cancelReason]).toEqual(["cancelled", expect.stringMatching(/another mediator|另一位调解员/)]);
    // x's time is free again, and the party and x are told the time is released.
    expect(firstFreeSlot(db, x.id, { now, mode: "online" }).start).toBe(slotX.start);
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "case.booking-released"))
      .all()
      .filter((n) => n.params?.bookingId === heldX.id)
      .map((n) => n.to)
      .sort();
    expect(told).toEqual([applicant.email, x.account!.email].sort());
  });

  it("refuses what the rules do not allow, saying why", async () => {
    const { m, applicant, staff } = setup();
    const filed = await call(casesRoute, "/api/v1/cases", { method: "POST", token: applicant.token, body: filing([m.id], "13800000999") });
    const id = filed.body.id as number;
    // No mediator agreed yet: no outcome, even by staff.
    const early = await post(outcome, id, { outcome: "no-agreement", visits: 1 }, staff.token);
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe("no_outcome_now");
    // Nothing to acknowledge, rate, confirm or fulfil on an open case: each says why.
    const reasons = await Promise.all([
      post(acknowledge, id, {}, applicant.token),
      post(rating, id, { stars: 5 }, applicant.token),
      post(confirmation, id, { court: "普陀区人民法院", appliedOn: "2030-12-20" }, staff.token),
      post(fulfilment, id, { instalmentId: 1, result: "enforced" }, staff.token),
    ]);
    expect(reasons.map((r) => [r.status, r.body.error.reason])).toEqual([
      [409, "no_agreement"],
      [409, "rate_after_close"],
      [409, "no_agreement"],
      [409, "no_agreement"],
    ]);
    // The applicant cannot accept their own pick, nor file at the window.
    expect((await post(consent, id, { informed: true, accept: true }, applicant.token)).status).toBe(403);
    const window = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: applicant.token,
      body: { ...filing([]), channel: "window" },
    });
    expect(window.status).toBe(403);
    // Staff file at the window for someone who came in person.
    const atWindow = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: staff.token,
      body: { ...filing([]), applicants: [{ name: "东极镇渔民 李某", phone: "13800000111" }] },
    });
    expect(atWindow.status).toBe(201);
    const listed = await call(casesRoute, "/api/v1/cases?perPage=100", { token: staff.token });
    expect(listed.body.cases.map((c: { id: number }) => c.id)).toContain(atWindow.body.id);
    const mine = await call(casesRoute, "/api/v1/cases", { token: applicant.token });
    expect(mine.body).toMatchObject({ total: 1, page: 1 });
    expect(mine.body.cases.map((c: { id: number }) => c.id)).toEqual([id]);
  });
});
