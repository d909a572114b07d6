// The case page's ratings (issue 8): staff read every rating of a closed case (which side, stars,
// comment, when, hidden or not and why) and hide a comment with a required reason, audited; a party
// reads only their own (not the centre's reason); the mediator and strangers read none. The page's
// loader and action are called as Remix calls them, with a cookie session and its CSRF token.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { postPage } from "./helpers/post-page";
import { call, type Json } from "./call";
import { openDb } from "../../db/client";
import { caseEvents, notifications, ratings } from "../../db/schema";
import { createMediator, createParty, createStaff, uniqueMobile } from "../factories";

const db = openDb(freshDatabase());
const casesRoute = await import("~/routes/api.v1.cases");
const consent = await import("~/routes/api.v1.cases.$id.consent");
const outcome = await import("~/routes/api.v1.cases.$id.outcome");
const rating = await import("~/routes/api.v1.cases.$id.rating");
const casePage = await import("~/routes/cases.$id");
const { createSession } = await import("~/models/auth.server");
const { messages } = await import("~/i18n");

const post = (mod: Parameters<typeof call>[0], id: number, body: unknown, token?: string) =>
  call(mod, `/api/v1/cases/${id}/x`, { method: "POST", params: { id: String(id) }, body, token });

/** The page's loader data for `userId`, or the status it refused with. */
async function load(userId: number, id: number, search = ""): Promise<{ status: number; page: Json }> {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const request = new Request(`http://test.local/cases/${id}${search}`, { headers: { Cookie: `sid=${secret}` } });
  try {
    return { status: 200, page: await casePage.loader({ request, params: { id: String(id) }, context: {} }) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, page: null };
    throw thrown;
  }
}

/** The page's form posted by `userId` with their session's CSRF token: status, Location, reply. */
async function postForm(userId: number, id: number, fields: Record<string, string>, csrf = true) {
  const { status, location, body } = await postPage(casePage, `/cases/${id}`, userId, fields, { csrf, params: { id: String(id) } });
  return { status, location, reply: body };
}

/** A closed case both sides rated with a comment: the applicant through their account, the respondent by code. */
async function ratedCase() {
  const now = Date.now();
  const m = createMediator(db, { categories: ["labour"], modes: ["online"], account: true, now });
  const applicant = createParty(db);
  const phone = uniqueMobile();
  const filed = await call(casesRoute, "/api/v1/cases", {
    method: "POST",
    token: applicant.token,
    body: {
      category: "labour",
      description: "渔业公司拖欠三个月工资，共计三万二千元。",
      respondents: [{ name: "舟山蓝湾示例渔业有限公司", phone }],
      picks: [m.id],
    },
  });
  const id = filed.body.id as number;
  const invitation = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.template, "case.invitation")))
    .get()!;
  const code = String(invitation.params!.code);
  expect((await post(consent, id, { code, informed: true, accept: true })).status).toBe(200);
  expect((await post(outcome, id, { outcome: "no-agreement", visits: 1 }, m.account!.token)).status).toBe(200);
  expect((await post(rating, id, { stars: 2, comment: "调解员态度敷衍，骂人" }, applicant.token)).status).toBe(200);
  expect((await post(rating, id, { stars: 5, comment: "很耐心", code })).status).toBe(200);
  const rows = db.select().from(ratings).where(eq(ratings.caseId, id)).orderBy(ratings.id).all();
  return { id, m, applicant, applicantRating: rows[0].id, respondentRating: rows[1].id };
}

describe("the ratings on a case's page", () => {
  it("staff read every rating; a party only their own; the mediator and a stranger none", async () => {
    const { id, m, applicant, applicantRating, respondentRating } = await ratedCase();
    const staff = createStaff(db);

    const asStaff = (await load(staff.user.id, id)).page;
    expect(asStaff.can.hideRating).toBe(true);
    expect(asStaff.ratings).toEqual([
      { id: applicantRating, side: "applicant", stars: 2, comment: "调解员态度敷衍，骂人", at: expect.any(String), hidden: null },
      { id: respondentRating, side: "respondent", stars: 5, comment: "很耐心", at: expect.any(String), hidden: null },
    ]);
    expect(asStaff.ratings[0].at).toMatch(/\+08:00$/);

    const asApplicant = (await load(applicant.user.id, id)).page;
    expect(asApplicant.can.hideRating).toBe(false);
    expect(asApplicant.ratings.map((r: { id: number }) => r.id)).toEqual([applicantRating]);

    const asMediator = (await load(m.account!.user.id, id)).page;
    expect([asMediator.case.viewer, asMediator.ratings, asMediator.can.hideRating]).toEqual(["mediator", [], false]);

    expect((await load(createParty(db).user.id, id)).status).toBe(404);
  });

  it("staff hide a comment with a required reason: audited, shown hidden; the author sees it hidden without the reason", async () => {
    const { id, applicant, applicantRating, respondentRating } = await ratedCase();
    const staff = createStaff(db);

    const noReason = await postForm(staff.user.id, id, { intent: "hide-rating", ratingId: String(applicantRating), reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.reply.intent).toBe(`hide-rating-${applicantRating}`);
    expect(Object.keys(noReason.reply.result.error)).toEqual(["reason"]);
    expect(db.select().from(ratings).where(eq(ratings.id, applicantRating)).get()!.hiddenAt).toBeNull();

    const hidden = await postForm(staff.user.id, id, { intent: "hide-rating", ratingId: String(applicantRating), reason: "含有辱骂内容" });
    expect([hidden.status, hidden.location]).toEqual([302, `/cases/${id}?done=rating-hidden#ratings`]);
    const row = db.select().from(ratings).where(eq(ratings.id, applicantRating)).get()!;
    expect([row.hiddenReason, row.hiddenBy, row.stars]).toEqual(["含有辱骂内容", staff.user.id, 2]);
    const events = db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.event, "rating-hidden")))
      .all();
    expect(events.map((e) => [e.actorUserId, e.after])).toEqual([
      [staff.user.id, { ratingId: applicantRating, hidden: true, reason: "含有辱骂内容" }],
    ]);

    // Where the redirect goes: the page says it is done, in both languages.
    const asStaff = (await load(staff.user.id, id, hidden.location!.replace(`/cases/${id}`, "").replace("#ratings", ""))).page;
    expect(asStaff.done).toBe("rating-hidden");
    expect([messages.zh.casePages.page.done["rating-hidden"], messages.en.casePages.page.done["rating-hidden"]]).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
    expect(asStaff.ratings.map((r: Json) => [r.id, r.hidden?.reason ?? null])).toEqual([
      [applicantRating, "含有辱骂内容"],
      [respondentRating, null],
    ]);
    expect(asStaff.ratings[0].hidden.at).toMatch(/\+08:00$/);
    const asAuthor = (await load(applicant.user.id, id)).page;
    expect(asAuthor.ratings).toEqual([expect.objectContaining({ id: applicantRating, hidden: { at: expect.any(String), reason: null } })]);
  });

  it("refuses a party, a rating of another case, and a post without the CSRF token", async () => {
    const { id, applicant, applicantRating } = await ratedCase();
    const other = await ratedCase();
    const staff = createStaff(db);
    const fields = { intent: "hide-rating", ratingId: String(applicantRating), reason: "含有辱骂内容" };

    const byParty = await postForm(applicant.user.id, id, fields);
    expect(byParty.status).toBe(403);
    expect(byParty.reply.result.error[""]).toEqual([expect.any(String)]);
    // The rating exists, but not on this case: the page's 404.
    expect((await postForm(staff.user.id, other.id, fields)).status).toBe(404);
    expect((await postForm(staff.user.id, id, fields, false)).status).toBe(403);
    expect(db.select().from(ratings).where(eq(ratings.id, applicantRating)).get()!.hiddenAt).toBeNull();
  });
});
