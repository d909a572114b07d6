// Who may call what: every API route × every role, including a party acting on someone else's booking.
// Write routes get a fresh pending booking for each attempt, so "allowed" means 200, not 409. The
// mediator (open all day, every day), its committee and every account are made by the factories.
import { describe, expect, it, beforeAll } from "vitest";
import { freshDatabase } from "./setup-db";
import { call, type RouteModule } from "./call";
import { openDb } from "../../db/client";
import { createAccount, createCommittee, createMediator, freeSlots, type MediatorFixture } from "../factories";

const db = openDb(freshDatabase());
const r = {
  search: await import("~/routes/api.v1.search"),
  mediator: await import("~/routes/api.v1.mediators.$id"),
  committee: await import("~/routes/api.v1.committees.$id"),
  mediatorSlots: await import("~/routes/api.v1.mediators.$id.slots"),
  committeeSlots: await import("~/routes/api.v1.committees.$id.slots"),
  token: await import("~/routes/api.v1.auth.token"),
  everywhere: await import("~/routes/api.v1.auth.logout-everywhere"),
  me: await import("~/routes/api.v1.me"),
  availability: await import("~/routes/api.v1.me.availability"),
  bookings: await import("~/routes/api.v1.bookings"),
  booking: await import("~/routes/api.v1.bookings.$id"),
  confirm: await import("~/routes/api.v1.bookings.$id.confirm"),
  decline: await import("~/routes/api.v1.bookings.$id.decline"),
  cancel: await import("~/routes/api.v1.bookings.$id.cancel"),
  reschedule: await import("~/routes/api.v1.bookings.$id.reschedule"),
  alternatives: await import("~/routes/api.v1.bookings.$id.alternatives"),
  ics: await import("~/routes/api.v1.bookings.$id.calendar[.]ics"),
};
const { getSearchService } = await import("~/search.server");

const ROLES = ["anonymous", "party", "otherParty", "mediator", "staff", "admin"] as const;
type Who = (typeof ROLES)[number];
const tokens = {} as Record<Who, string | undefined>;
let slots: { start: string }[] = [];
let meAvailability: unknown;
let m: MediatorFixture;
let committeeId = 0;
const mediatorParams = async () => ({ id: String(m.id) });
const committeeParams = async () => ({ id: String(committeeId) });

async function freshBooking(status: "pending" | "confirmed" = "pending"): Promise<string> {
  const slot = slots.shift()!;
  const res = await call(r.bookings, "/api/v1/bookings", {
    method: "POST",
    token: tokens.party,
    body: { mediatorId: m.id, start: slot.start, mode: "online", category: "labour", summary: "拖欠工资三个月未发" },
  });
  if (res.status !== 201) throw new Error(`fixture booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (status === "confirmed") await call(r.confirm, "/x", { method: "POST", token: tokens.mediator, params: { id: String(res.body.id) } });
  return String(res.body.id);
}

beforeAll(async () => {
  const now = Date.now();
  m = createMediator(db, { modes: ["online"], account: true, now });
  committeeId = createCommittee(db, { members: [m.id] }).id;
  tokens.party = createAccount(db, "party").token;
  tokens.otherParty = createAccount(db, "party").token;
  tokens.mediator = m.account!.token;
  tokens.staff = createAccount(db, "staff").token;
  tokens.admin = createAccount(db, "admin").token;
  await getSearchService().ready;
  // Enough free sessions for every attempt below (each takes one or two).
  slots = freeSlots(db, m.id, { now, mode: "online", days: 14 });
  expect(slots.length).toBeGreaterThan(2 * ROLES.length * 8);
  meAvailability = (await call(r.availability, "/x", { token: tokens.mediator })).body;
});

interface Case {
  name: string;
  route: RouteModule;
  method?: string;
  body?: unknown;
  /** Builds params, e.g. a fresh booking id. */
  params?: () => Promise<Record<string, string>>;
  expect: Record<Who, number>;
}

const everyone = (status: number): Record<Who, number> => Object.fromEntries(ROLES.map((w) => [w, status])) as Record<Who, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const only = (ok: number, allowed: Who[]) =>
  Object.fromEntries(ROLES.map((w) => [w, w === "anonymous" ? 401 : allowed.includes(w) ? ok : 403])) as Record<Who, number>;
/** Someone else's booking does not exist for a party (ownership is in the query): 404, not 403. */
const unseenByOtherParty = (e: Record<Who, number>): Record<Who, number> => ({ ...e, otherParty: 404 });
const booking =
  (status: "pending" | "confirmed" = "pending") =>
  async () => ({ id: await freshBooking(status) });

const CASES: Case[] = [
  { name: "GET /search", route: r.search, expect: everyone(200) },
  { name: "GET /mediators/:id", route: r.mediator, params: mediatorParams, expect: everyone(200) },
  { name: "GET /committees/:id", route: r.committee, params: committeeParams, expect: everyone(200) },
  { name: "GET /mediators/:id/slots", route: r.mediatorSlots, params: mediatorParams, expect: everyone(200) },
  { name: "GET /committees/:id/slots", route: r.committeeSlots, params: committeeParams, expect: everyone(200) },
  { name: "GET /me", route: r.me, expect: signedIn(200) },
  { name: "GET /me/availability", route: r.availability, expect: only(200, ["mediator"]) },
  { name: "PUT /me/availability", route: r.availability, method: "PUT", body: "availability", expect: only(200, ["mediator"]) },
  { name: "GET /bookings", route: r.bookings, expect: signedIn(200) },
  {
    name: "POST /bookings",
    route: r.bookings,
    method: "POST",
    body: "nextSlot",
    expect: { ...only(201, ["party", "otherParty"]) },
  },
  {
    name: "GET /bookings/:id",
    route: r.booking,
    params: booking(),
    expect: unseenByOtherParty(only(200, ["party", "mediator", "staff", "admin"])),
  },
  // Staff answer for a mediator who has no account or cannot be reached online (issue 9).
  {
    name: "POST /bookings/:id/confirm",
    route: r.confirm,
    method: "POST",
    params: booking(),
    expect: only(200, ["mediator", "staff", "admin"]),
  },
  {
    name: "POST /bookings/:id/decline",
    route: r.decline,
    method: "POST",
    body: { reason: "时间冲突" },
    params: booking(),
    expect: only(200, ["mediator", "staff", "admin"]),
  },
  {
    name: "POST /bookings/:id/cancel",
    route: r.cancel,
    method: "POST",
    body: { reason: "情况有变" },
    params: booking(),
    expect: unseenByOtherParty(only(200, ["party", "mediator"])),
  },
  {
    name: "POST /bookings/:id/reschedule",
    route: r.reschedule,
    method: "POST",
    body: "nextSlot",
    params: booking(),
    expect: unseenByOtherParty(only(200, ["party"])),
  },
  {
    name: "GET /bookings/:id/alternatives",
    route: r.alternatives,
    params: booking(),
    expect: unseenByOtherParty(only(200, ["party", "mediator", "staff", "admin"])),
  },
  {
    name: "GET /bookings/:id/calendar.ics",
    route: r.ics,
    params: booking("confirmed"),
    expect: unseenByOtherParty(only(200, ["party", "mediator", "staff", "admin"])),
  },
];

describe("role × route matrix", () => {
  for (const c of CASES) {
    for (const who of ROLES) {
      it(`${c.name} as ${who} → ${c.expect[who]}`, async () => {
        const params = c.params ? await c.params() : {};
        let body = c.body;
        if (body === "availability") body = meAvailability;
        if (body === "nextSlot")
          body = { mediatorId: m.id, start: slots.shift()!.start, mode: "online", category: "labour", summary: "拖欠工资三个月未发" };
        if (c.route === r.reschedule && typeof body === "object") body = { start: (body as { start: string }).start };
        const res = await call(c.route, "/api/v1/x", { method: c.method ?? "GET", token: tokens[who], params, body });
        expect(res.status, JSON.stringify(res.body)).toBe(c.expect[who]);
        // Refusals carry an error code; answers do not.
        expect(typeof res.body?.error?.code).toBe(c.expect[who] >= 400 ? "string" : "undefined");
      });
    }
  }

  it("revoking: DELETE /auth/token and POST /auth/logout-everywhere need a signed-in caller", async () => {
    expect((await call(r.token, "/x", { method: "DELETE" })).status).toBe(401);
    expect((await call(r.everywhere, "/x", { method: "POST" })).status).toBe(401);
  });

  it("answers wrong methods with 405, not 500", async () => {
    expect((await call(r.bookings, "/x", { method: "DELETE", token: tokens.party })).status).toBe(405);
    expect((await call(r.confirm, "/x", { params: { id: "1" } })).status).toBe(405);
    expect((await call(r.availability, "/x", { method: "POST", token: tokens.mediator, body: {} })).status).toBe(405);
  });
});
