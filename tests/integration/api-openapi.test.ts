// The OpenAPI description (GET /api/v1/openapi.json, app/openapi, ADR 016) held to the code:
// - every app/routes/api.v1.* module's methods are described, and every described operation has a route
//   module answering that method (a method a module refuses is a 405 from it);
// - through a real server (fast path on, and Remix's own handler), every described operation is routed,
//   and real answers of a representative set of calls fit the described response schemas (ajv, JSON
//   Schema 2020-12 as OpenAPI 3.1 uses it, with formats);
// - regressions for what Schemathesis (npm run test:api-fuzz) found.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import type { Json } from "./call";
import { ensureBuilt, startServer, type RunningServer } from "./server";

const file = freshDatabase();
const { operations } = await import("~/openapi/document.server");
const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const DEMO_PASSWORD = "demo12345";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A flat route file's URL path in OpenAPI spelling: `api.v1.bookings.$id.calendar[.]ics.ts` → `/api/v1/bookings/{id}/calendar.ics`. */
function routePath(fileName: string): string {
  const segments = fileName.replace(/\.tsx?$/, "").match(/(\[\.\]|[^.])+/g) ?? [];
  return `/${segments.map((s) => s.replaceAll("[.]", ".").replace(/^\$(\w+)$/, "{$1}")).join("/")}`;
}

describe("the description and the route modules", () => {
  const files = fs.readdirSync(routesDir).filter((f) => f.startsWith("api.v1.") && /\.tsx?$/.test(f) && f !== "api.v1.$.ts");

  it("spells route files as paths", () => {
    expect(routePath("api.v1.bookings.$id.calendar[.]ics.ts")).toBe("/api/v1/bookings/{id}/calendar.ics");
    expect(routePath("api.v1.openapi[.]json.ts")).toBe("/api/v1/openapi.json");
    expect(routePath("api.v1.auth.logout-everywhere.ts")).toBe("/api/v1/auth/logout-everywhere");
  });

  it("describe exactly the methods the route modules answer", async () => {
    expect(files.length).toBeGreaterThan(30);
    const answered = new Set<string>();
    for (const f of files) {
      const mod = (await import(path.join(routesDir, f))) as Record<string, unknown>;
      for (const method of METHODS) {
        const fn = (method === "GET" ? mod.loader : mod.action) as ((args: unknown) => unknown) | undefined;
        if (!fn) continue;
        // No credentials and no body: nothing is written, and a method the module does not take is its 405.
        const request = new Request(`http://test.local${routePath(f).replace("{id}", "1")}`, { method });
        const res = (await fn({ request, params: { id: "1" }, context: {} })) as Response;
        if (res.status !== 405) answered.add(`${method} ${routePath(f)}`);
      }
    }
    const described = new Set(operations(Date.now()).map((op) => `${op.method.toUpperCase()} ${op.path}`));
    expect(
      [...answered].filter((op) => !described.has(op)),
      "answered but not described",
    ).toEqual([]);
    expect(
      [...described].filter((op) => !answered.has(op)),
      "described but not answered",
    ).toEqual([]);
  });

  it("name every operation once, with a summary in both languages", async () => {
    const { messages } = await import("~/i18n/messages");
    const ops = operations(Date.now());
    expect(new Set(ops.map((op) => op.id)).size).toBe(ops.length);
    for (const op of ops) {
      expect(messages.zh.apiDocs.operations[op.id], op.id).toMatch(/\S/);
      expect(messages.en.apiDocs.operations[op.id], op.id).toMatch(/\S/);
    }
  });
});

let fast: RunningServer;
let remix: RunningServer;
let doc: Json;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  ensureBuilt();
  [fast, remix] = await Promise.all([
    startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "1" }),
    startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "1", API_FAST_PATH: "0" }),
  ]);
  doc = await (await fetch(`${fast.url}/api/v1/openapi.json`)).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: typeof ajv) => void;
  addFormats(ajv);
  // The whole document as one schema, so `#/components/schemas/…` references resolve inside it.
  ajv.addSchema(doc, "openapi");
}, 180_000);

afterAll(async () => {
  await Promise.all([fast?.stop(), remix?.stop()]);
});

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Validates `body` against the response schema the description gives `method path` for `status`. */
function expectDescribed(method: string, apiPath: string, status: number, body: unknown, type = "application/json") {
  const op = doc.paths[apiPath]?.[method.toLowerCase()];
  expect(op, `${method} ${apiPath} is described`).toBeDefined();
  expect(Object.keys(op.responses), `${method} ${apiPath} describes ${status}`).toContain(String(status));
  if (!op.responses[String(status)].content) return;
  const validate = ajv.getSchema(
    `openapi#/${pointer("paths", apiPath, method.toLowerCase(), "responses", String(status), "content", type, "schema")}`,
  )!;
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method} ${apiPath} ${status} fits its schema`).toEqual([]);
}

interface Asked {
  status: number;
  body: Json;
  headers: Headers;
}

async function ask(method: string, apiPath: string, init: { token?: string; body?: unknown; server?: RunningServer } = {}): Promise<Asked> {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${(init.server ?? fast).url}${apiPath}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text,
    headers: res.headers,
  };
}

/** Asks, then checks the answer against the description of the operation at `described` (the templated path). */
async function check(method: string, apiPath: string, described: string, init: Parameters<typeof ask>[2] = {}): Promise<Asked> {
  const answer = await ask(method, apiPath, init);
  expectDescribed(method, described, answer.status, answer.body);
  return answer;
}

async function tokenFor(email: string): Promise<string> {
  const { status, body } = await check("POST", "/api/v1/auth/token", "/api/v1/auth/token", { body: { email, password: DEMO_PASSWORD } });
  expect(status).toBe(200);
  return body.token;
}

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 through the fast path and through Remix alike, with both ways to authenticate", async () => {
    const viaRemix = await (await fetch(`${remix.url}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(viaRemix).toEqual(doc);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth"]);
    expect(doc.paths["/api/v1/me"].get.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
  });

  it("routes every described operation on the server (no 405, no catch-all 404)", async () => {
    const wrong: string[] = [];
    for (const [apiPath, item] of Object.entries<Json>(doc.paths))
      for (const method of Object.keys(item)) {
        // A revoking operation without credentials revokes nothing: a 401.
        const answer = await ask(method.toUpperCase(), apiPath.replace("{id}", "1"), method === "get" ? {} : { body: {} });
        if (answer.status === 405 || answer.body?.error?.message === "No such API endpoint")
          wrong.push(`${method} ${apiPath}: ${answer.status}`);
      }
    expect(wrong).toEqual([]);
  });
});

describe("real answers fit the description", () => {
  let party: string;
  let staff: string;
  let mediator: string;

  beforeAll(async () => {
    [party, staff, mediator] = await Promise.all(["party@example.com", "staff@example.com", "mediator@example.com"].map(tokenFor));
  });

  it("the pool: search, profiles, slots, records, and their refusals", async () => {
    const search = await check("GET", "/api/v1/search?q=%E5%8C%BB%E7%96%97&kind=senior-mediator&kind=committee", "/api/v1/search");
    expect(search.status).toBe(200);
    expect((await check("GET", "/api/v1/search?page=0", "/api/v1/search")).status).toBe(400);
    const mediatorId = search.body.hits.find((h: Json) => h.kind !== "committee").id;
    const committeeId = (await ask("GET", "/api/v1/search?kind=committee")).body.hits[0].id;
    for (const [kind, id] of [
      ["mediators", mediatorId],
      ["committees", committeeId],
    ]) {
      expect((await check("GET", `/api/v1/${kind}/${id}`, `/api/v1/${kind}/{id}`)).status).toBe(200);
      expect((await check("GET", `/api/v1/${kind}/${id}/slots`, `/api/v1/${kind}/{id}/slots`)).status).toBe(200);
      expect((await check("GET", `/api/v1/${kind}/${id}/record?category=medical`, `/api/v1/${kind}/{id}/record`)).status).toBe(200);
      expect((await check("GET", `/api/v1/${kind}/999999`, `/api/v1/${kind}/{id}`)).status).toBe(404);
      expect((await check("GET", `/api/v1/${kind}/${id}/slots?from=2026-02-30`, `/api/v1/${kind}/{id}/slots`)).status).toBe(400);
    }
  });

  it("accounts: me, availability, refusals of the wrong caller or method or size", async () => {
    expect((await check("GET", "/api/v1/me", "/api/v1/me", { token: party })).status).toBe(200);
    expect((await check("GET", "/api/v1/me", "/api/v1/me")).status).toBe(401);
    const availability = await check("GET", "/api/v1/me/availability", "/api/v1/me/availability", { token: mediator });
    expect(availability.status).toBe(200);
    const put = { token: mediator, body: availability.body };
    expect((await check("PUT", "/api/v1/me/availability", "/api/v1/me/availability", put)).status).toBe(200);
    expect((await check("GET", "/api/v1/me/availability", "/api/v1/me/availability", { token: party })).status).toBe(403);
    const wrongPassword = await check("POST", "/api/v1/auth/token", "/api/v1/auth/token", {
      body: { email: "party2@example.com", password: "nope" },
    });
    expect(wrongPassword.status).toBe(401);
    const big = await check("POST", "/api/v1/cases", "/api/v1/cases", { token: party, body: "x".repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    // A route asked with a method it does not take lists exactly the described ones.
    const wrongMethod = await ask("PUT", "/api/v1/bookings", { token: party, body: {} });
    expect(wrongMethod.status).toBe(405);
    const describedMethods = Object.keys(doc.paths["/api/v1/bookings"]).map((m) => m.toUpperCase());
    expect(wrongMethod.headers.get("allow")?.split(", ").sort()).toEqual(describedMethods.sort());
  });

  it("bookings: order a free slot, read it, list it, cancel it", async () => {
    const hit = (await ask("GET", "/api/v1/search?kind=senior-mediator&sort=available")).body.hits.find((h: Json) => h.nextAvailableAt);
    const slots = await ask("GET", `/api/v1/mediators/${hit.id}/slots?from=${hit.nextAvailableAt.slice(0, 10)}`);
    const slot = slots.body.slots[0];
    const mode = slot.modes.includes("onsite") ? (slot.modes.find((m: string) => m !== "onsite") ?? "onsite") : slot.modes[0];
    const created = await check("POST", "/api/v1/bookings", "/api/v1/bookings", {
      token: party,
      body: {
        mediatorId: hit.id,
        start: slot.start,
        mode,
        ...(mode === "onsite" ? { town: slot.towns[0] } : {}),
        category: hit.categories[0],
        summary: "邻里之间因漏水产生纠纷",
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await check("GET", `/api/v1/bookings/${id}`, "/api/v1/bookings/{id}", { token: party })).status).toBe(200);
    expect((await check("GET", "/api/v1/bookings?perPage=5", "/api/v1/bookings", { token: party })).status).toBe(200);
    expect((await check("GET", `/api/v1/bookings/${id}/alternatives`, "/api/v1/bookings/{id}/alternatives", { token: party })).status).toBe(
      200,
    );
    // The calendar file is there from the request on (issue 11), described as text/calendar.
    const calendar = await ask("GET", `/api/v1/bookings/${id}/calendar.ics`, { token: party });
    expect(calendar.status).toBe(200);
    expectDescribed("GET", "/api/v1/bookings/{id}/calendar.ics", 200, calendar.body, "text/calendar");
    expect((await check("POST", `/api/v1/bookings/${id}/confirm`, "/api/v1/bookings/{id}/confirm", { token: party })).status).toBe(403);
    const cancelled = await check("POST", `/api/v1/bookings/${id}/cancel`, "/api/v1/bookings/{id}/cancel", {
      token: party,
      body: { reason: "时间冲突" },
    });
    expect(cancelled.body.status).toBe("cancelled");
    expect((await check("POST", "/api/v1/bookings", "/api/v1/bookings", { token: party, body: { mediatorId: hit.id } })).status).toBe(400);
  });

  it("cases: file one, read it, its log and the centre's figures (staff)", async () => {
    const filed = await check("POST", "/api/v1/cases", "/api/v1/cases", {
      token: party,
      body: { category: "neighbourhood", description: "楼上漏水损坏了我家的天花板", respondents: [{ name: "张三" }], informed: true },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id;
    expect((await check("GET", `/api/v1/cases/${id}`, "/api/v1/cases/{id}", { token: party })).status).toBe(200);
    expect((await check("GET", "/api/v1/cases", "/api/v1/cases", { token: party })).status).toBe(200);
    expect((await check("GET", `/api/v1/cases/${id}/audit`, "/api/v1/cases/{id}/audit", { token: staff })).status).toBe(200);
    expect((await check("GET", `/api/v1/cases/${id}/audit`, "/api/v1/cases/{id}/audit", { token: party })).status).toBe(403);
    expect((await check("GET", "/api/v1/stats?groupBy=category", "/api/v1/stats", { token: staff })).status).toBe(200);
    expect((await check("GET", "/api/v1/stats?from=2026-13-01", "/api/v1/stats", { token: staff })).status).toBe(400);
    const withdrawn = await check("POST", `/api/v1/cases/${id}/withdraw`, "/api/v1/cases/{id}/withdraw", {
      token: party,
      body: { reason: "已私下和解" },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("closed");
  });

  it("the operations the fuzz run leaves out (they revoke its credential): revoke a token, log out everywhere", async () => {
    const own = await tokenFor("party2@example.com");
    const revoked = await ask("DELETE", "/api/v1/auth/token", { token: own });
    expect(revoked.status).toBe(204);
    expectDescribed("DELETE", "/api/v1/auth/token", 204, null);
    expect((await check("GET", "/api/v1/me", "/api/v1/me", { token: own })).status).toBe(401);
    const again = await tokenFor("party2@example.com");
    const everywhere = await check("POST", "/api/v1/auth/logout-everywhere", "/api/v1/auth/logout-everywhere", { token: again });
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.revoked).toBeGreaterThanOrEqual(1);
  });
});

describe("regressions found by Schemathesis", () => {
  it("a case step's refusal carries `reason`, and the error schema describes it", async () => {
    const party = await tokenFor("party@example.com");
    const filed = await ask("POST", "/api/v1/cases", {
      token: party,
      body: { category: "consumer", description: "网购商品与描述不符", respondents: [{ name: "某商家" }], informed: true },
    });
    // Nothing to acknowledge yet: no agreement was made.
    const refused = await check("POST", `/api/v1/cases/${filed.body.id}/acknowledge`, "/api/v1/cases/{id}/acknowledge", {
      token: party,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(typeof refused.body.error.reason).toBe("string");
  });

  it("an email is described as it is checked: trimmed, any case, no 64-character local-part limit", async () => {
    const schema = doc.paths["/api/v1/auth/register"].post.requestBody.content["application/json"].schema;
    const email = ` ${"Ab".repeat(40)}@Example.org `;
    const fits = ajv.compile({ ...schema.properties.email, $schema: undefined });
    expect(fits(email)).toBe(true);
    expect(fits("not an email")).toBe(false);
    const registered = await check("POST", "/api/v1/auth/register", "/api/v1/auth/register", {
      body: { email, password: "long enough password", name: "新用户" },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.user.email).toBe(email.trim().toLowerCase());
  });

  it("a local date that does not exist is outside the description, as the server refuses it", () => {
    const param = doc.paths["/api/v1/mediators/{id}/slots"].get.parameters.find((p: Json) => p.name === "from");
    expect(param.schema.format).toBe("date");
    const fits = ajv.compile(param.schema);
    expect(fits("2026-12-01")).toBe(true);
    expect(fits("0000-00-00")).toBe(false);
  });
});

describe("/developers, the reference page", () => {
  it("lists every operation, in Chinese by default and in English on request, under the strict CSP", async () => {
    const zh = await fetch(`${fast.url}/developers`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
    const zhHtml = await zh.text();
    expect(zhHtml).toContain("开放接口");
    const en = await (await fetch(`${fast.url}/developers`, { headers: { Cookie: "lang=en" } })).text();
    expect(en).toContain("The API (/api/v1)");
    for (const [apiPath, item] of Object.entries<Json>(doc.paths))
      for (const method of Object.keys(item)) expect(zhHtml, `${method} ${apiPath}`).toContain(`${method.toUpperCase()} ${apiPath}`);
  });
});
