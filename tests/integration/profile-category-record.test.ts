// A profile opened from a search in one category (issue 8): the card's link names the category, the
// profile's loader adds the record in it beside the overall one (the record API's figures for that
// category), an unknown category is ignored, and the booking link keeps it. And satisfaction: the
// share of 4–5-star ratings, the same figure on a profile, the record API and the centre's dashboard.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { createClosedCase, createCommittee, createMediator, createOutcomeHistory } from "../factories";

const db = openDb(freshDatabase());
const mediatorPage = await import("~/routes/mediators.$id");
const committeePage = await import("~/routes/committees.$id");
const mediatorRecord = await import("~/routes/api.v1.mediators.$id.record");
const committeeRecord = await import("~/routes/api.v1.committees.$id.record");
const { profileHref } = await import("~/components/hit-card");
const { centreStats } = await import("~/models/stats.server");

type PageLoader = (args: LoaderFunctionArgs) => Promise<unknown>;
/** Calls a page's loader as Remix does and returns its data (pages return data, not a Response). */
async function page<T>(loader: PageLoader, url: string, id: number): Promise<T> {
  return (await loader({ request: new Request(`http://test.local${url}`), params: { id: String(id) }, context: {} })) as T;
}
const mediatorData = (url: string, id: number) =>
  page<Awaited<ReturnType<typeof mediatorPage.loader>>>(mediatorPage.loader, url, id).then((d) => d.mediator);
const committeeData = (url: string, id: number) =>
  page<Awaited<ReturnType<typeof committeePage.loader>>>(committeePage.loader, url, id).then((d) => d.committee);

const now = Date.now();
const m = createMediator(db, { now, categories: ["labour", "medical"] });
const c = createCommittee(db, { members: [m.id], categories: ["labour", "medical"] });
// Labour: 4 of 5 mediated (and one withdrawn); medical: 1 of 2. Ratings only on the medical cases.
createOutcomeHistory(db, {
  mediatorId: m.id,
  committeeId: c.id,
  category: "labour",
  mediated: 5,
  agreements: 4,
  withdrawn: 1,
  closedBefore: now,
});
createClosedCase(db, { mediatorId: m.id, committeeId: c.id, category: "medical", closedAt: now - 3 * 86_400_000, ratings: [5, 4, 2] });
createClosedCase(db, {
  mediatorId: m.id,
  committeeId: c.id,
  category: "medical",
  outcome: "no-agreement",
  closedAt: now - 9 * 86_400_000,
  ratings: [3],
});

describe("the search card's link to a profile", () => {
  it("names the category when the search filters exactly one", () => {
    const one = new URL(profileHref({ kind: "expert", id: 7 }, "q=%E5%B7%A5%E8%B5%84&category=labour"), "http://x");
    expect(one.pathname).toBe("/mediators/7");
    expect(one.searchParams.get("category")).toBe("labour");
    expect(one.searchParams.get("search")).toBe("q=%E5%B7%A5%E8%B5%84&category=labour");
    const committee = new URL(profileHref({ kind: "committee", id: 3 }, "category=medical"), "http://x");
    expect([committee.pathname, committee.searchParams.get("category")]).toEqual(["/committees/3", "medical"]);
    expect(
      new URL(profileHref({ kind: "expert", id: 7 }, "category=labour&category=medical"), "http://x").searchParams.has("category"),
    ).toBe(false);
    expect(new URL(profileHref({ kind: "expert", id: 7 }, "q=x"), "http://x").searchParams.has("category")).toBe(false);
  });
});

describe("a mediator's profile with ?category=", () => {
  it("without a category: the overall record only", async () => {
    const profile = await mediatorData(`/mediators/${m.id}`, m.id);
    const api = await call(mediatorRecord, `/api/v1/mediators/${m.id}/record`, { params: { id: String(m.id) } });
    expect(profile.record).toEqual(api.body);
    expect(profile.record).toMatchObject({ closed: 8, mediated: 7, agreements: 5 });
    expect(profile.categoryRecord).toBeUndefined();
  });

  it("with a category: the record in it beside the overall one, the record API's figures for that category", async () => {
    const profile = await mediatorData(`/mediators/${m.id}?category=medical`, m.id);
    const api = await call(mediatorRecord, `/api/v1/mediators/${m.id}/record?category=medical`, { params: { id: String(m.id) } });
    expect(api.status).toBe(200);
    expect(profile.categoryRecord).toEqual({ ...api.body, category: "medical" });
    expect(profile.categoryRecord).toMatchObject({
      closed: 2,
      mediated: 2,
      agreements: 1,
      agreementRate: 0.5,
      ratings: 4,
      satisfaction: 2 / 4,
    });
    expect(profile.record).toMatchObject({ closed: 8, mediated: 7, agreements: 5 });

    const labour = await mediatorData(`/mediators/${m.id}?category=labour&search=category%3Dlabour`, m.id);
    expect(labour.categoryRecord).toMatchObject({
      category: "labour",
      closed: 6,
      mediated: 5,
      agreements: 4,
      ratings: 0,
      satisfaction: null,
    });
  });

  it("ignores an unknown category: no error, the overall record", async () => {
    for (const bad of ["nope", "", "LABOUR", "labour%00"]) {
      const profile = await mediatorData(`/mediators/${m.id}?category=${bad}`, m.id);
      expect(profile.categoryRecord).toBeUndefined();
      expect(profile.record).toMatchObject({ closed: 8 });
    }
  });

  it("still 404s for an unknown mediator", async () => {
    await expect(mediatorData(`/mediators/999999?category=labour`, 999_999)).rejects.toMatchObject({ status: 404 });
  });
});

describe("a committee's page with ?category=", () => {
  it("shows its record in the category, equal to its record API's", async () => {
    const without = await committeeData(`/committees/${c.id}`, c.id);
    expect(without.categoryRecord).toBeUndefined();
    const profile = await committeeData(`/committees/${c.id}?category=labour`, c.id);
    const api = await call(committeeRecord, `/api/v1/committees/${c.id}/record?category=labour`, { params: { id: String(c.id) } });
    expect(profile.categoryRecord).toEqual({ ...api.body, category: "labour" });
    expect(profile.categoryRecord).toMatchObject({ closed: 6, mediated: 5, agreements: 4 });
    expect((await committeeData(`/committees/${c.id}?category=nope`, c.id)).categoryRecord).toBeUndefined();
  });
});

describe("satisfaction", () => {
  it("is the share of 4–5-star ratings on the record, as on the centre's dashboard", async () => {
    const api = await call(mediatorRecord, `/api/v1/mediators/${m.id}/record`, { params: { id: String(m.id) } });
    // Stars 5, 4, 2, 3: two satisfied of four (a mean of stars would say 3.5).
    expect(api.body).toMatchObject({ ratings: 4, satisfaction: 0.5 });
    // The only ratings in this database are this mediator's, so the centre's rate over the same months is the same figure.
    const centre = centreStats({ viewer: { role: "staff" }, from: api.body.from, to: api.body.to, now });
    expect(centre.satisfactionRate).toBe(api.body.satisfaction);
    const committee = await call(committeeRecord, `/api/v1/committees/${c.id}/record`, { params: { id: String(c.id) } });
    expect(committee.body).toMatchObject({ ratings: 4, satisfaction: 0.5 });
  });
});
