// The JSON API answers the same through server.mjs's fast path (server/api-fast-path.mjs) as through
// Remix's own request handler: two real server processes on one database, one with API_FAST_PATH=0,
// asked the same questions. Reads must match byte for byte (as JSON); writes are made on each and must
// give the same statuses and shapes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import type { Json } from "./call";
import { ensureBuilt, startServer, type RunningServer } from "./server";

const file = freshDatabase();
let fast: RunningServer;
let remix: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  [fast, remix] = await Promise.all([startServer({ DATABASE_PATH: file }), startServer({ DATABASE_PATH: file, API_FAST_PATH: "0" })]);
}, 180_000);

afterAll(async () => {
  await Promise.all([fast?.stop(), remix?.stop()]);
});

interface Answer {
  status: number;
  type: string | null;
  cacheControl: string | null;
  allow: string | null;
  text: string;
  json: Json;
}

async function ask(server: RunningServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let json: Json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a calendar file, an empty HEAD answer)
  }
  return {
    status: res.status,
    type: res.headers.get("Content-Type"),
    cacheControl: res.headers.get("Cache-Control"),
    allow: res.headers.get("Allow"),
    text,
    json,
  };
}

/** Both servers' answers; `tookMs` is a measurement, not an answer, so it is left out. */
async function both(path: string, init: RequestInit = {}): Promise<[Answer, Answer]> {
  const a = await ask(fast, path, init);
  const b = await ask(remix, path, init);
  for (const x of [a, b]) if (x.json && typeof x.json === "object" && "tookMs" in x.json) delete x.json.tookMs;
  return [a, b];
}

async function bearer(email: string): Promise<string> {
  const { json } = await ask(fast, "/api/v1/auth/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "demo12345" }),
  });
  return json.token;
}

const jsonPost = (token: string | null, body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("the API through the fast path and through Remix", () => {
  it("reads are identical: search, profiles, slots, unknown paths, methods", async () => {
    const party = await bearer("party@example.com");
    const auth = { headers: { Authorization: `Bearer ${party}` } };
    for (const [path, init] of [
      ["/api/v1/search?q=医疗&perPage=5", {}],
      ["/api/v1/search?page=0", {}],
      ["/api/v1/mediators/1", {}],
      ["/api/v1/mediators/999999", {}],
      ["/api/v1/mediators/abc", {}],
      ["/api/v1/committees/1", {}],
      ["/api/v1/mediators/1/slots?mode=online", {}],
      ["/api/v1/mediators/1/slots?from=not-a-date", {}],
      ["/api/v1/committees/1/slots", {}],
      ["/api/v1/me", auth],
      ["/api/v1/me", {}],
      ["/api/v1/bookings", auth],
      ["/api/v1/no/such/endpoint", {}],
      ["/API/V1/ME", auth],
    ] as const) {
      const [a, b] = await both(path, init);
      expect(a.status, path).toBe(b.status);
      expect(a.type, path).toBe(b.type);
      expect(a.cacheControl, path).toBe(b.cacheControl);
      expect(a.json, path).toEqual(b.json);
    }
    const [a, b] = await both("/api/v1/mediators/1", { method: "HEAD" });
    expect([a.status, a.text]).toEqual([b.status, b.text]);
  });

  it("compresses big answers (search) as Remix's path does, and not the small ones", async () => {
    const gzip = { headers: { "Accept-Encoding": "gzip" } };
    for (const server of [fast, remix]) {
      const big = await fetch(`${server.url}/api/v1/search?perPage=20`, gzip);
      expect(big.headers.get("Content-Encoding")).toBe("gzip");
      expect(((await big.json()) as Json).hits).toHaveLength(20);
    }
    // Remix streams its bodies, so the middleware cannot see their size and gzips even 60 bytes.
    const small = await fetch(`${fast.url}/api/v1/mediators/999999`, gzip);
    expect(small.status).toBe(404);
    expect(small.headers.get("Content-Encoding")).toBeNull();
    expect(Number(small.headers.get("Content-Length"))).toBeLessThan(1024);
  });

  it("a method a route does not take: 405 from both", async () => {
    const [a, b] = await both("/api/v1/me", { method: "DELETE" });
    expect(a.status).toBe(405);
    expect(b.status).toBe(405);
    expect(a.json.error.code).toBe("method_not_allowed");
  });

  it("bad input is refused the same way", async () => {
    const party = await bearer("party@example.com");
    const mediator = await bearer("mediator@example.com");
    const cases: [string, RequestInit][] = [
      ["/api/v1/bookings", jsonPost(party, "{not json")],
      ["/api/v1/bookings", jsonPost(party, { mediatorId: 1 })],
      [
        "/api/v1/bookings",
        jsonPost(party, {
          mediatorId: 1,
          start: "2020-01-01T09:00:00+08:00",
          mode: "online",
          category: "labour",
          summary: "过去的时间预约",
        }),
      ],
      ["/api/v1/bookings", jsonPost(null, { mediatorId: 1 })],
      ["/api/v1/bookings", jsonPost(mediator, { mediatorId: 1 })],
      ["/api/v1/bookings", jsonPost(party, `{"summary":"${"长".repeat(70_000)}"}`)],
      ["/api/v1/auth/token", jsonPost(null, { email: "party@example.com", password: "wrong-password" })],
      ["/api/v1/auth/register", jsonPost(null, { email: "party@example.com", password: "demo12345", name: "重复" })],
      ["/api/v1/me/availability", jsonPost(mediator, { weekly: "no" }, "PUT")],
    ];
    for (const [path, init] of cases) {
      const [a, b] = await both(path, init);
      expect(a.status, `${init.method} ${path}`).toBe(b.status);
      expect(a.json, `${init.method} ${path}`).toEqual(b.json);
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a.status).toBeLessThan(500);
    }
  });

  it("bookings made through either read back the same through both, down to the .ics", async () => {
    const party = await bearer("party@example.com");
    const mediator = await bearer("mediator@example.com");
    const { json } = await ask(fast, "/api/v1/mediators/1/slots?mode=online");
    const [first, second] = json.slots;
    const order = (start: string) =>
      jsonPost(party, { mediatorId: 1, start, mode: "online", category: "labour", summary: "工资拖欠三个月" });
    const made = [await ask(fast, "/api/v1/bookings", order(first.start)), await ask(remix, "/api/v1/bookings", order(second.start))];
    for (const m of made) {
      expect(m.status).toBe(201);
      expect(Object.keys(m.json).sort()).toEqual(Object.keys(made[0].json).sort());
    }
    const taken = await both("/api/v1/bookings", order(first.start));
    expect(taken.map((t) => t.status)).toEqual([409, 409]);
    expect(taken[0].json).toEqual(taken[1].json);

    for (const m of made) {
      const [a, b] = await both(`/api/v1/bookings/${m.json.id}`, { headers: { Authorization: `Bearer ${party}` } });
      expect(a.status).toBe(200);
      expect(a.json).toEqual(b.json);
    }
    const confirmed = await ask(fast, `/api/v1/bookings/${made[0].json.id}/confirm`, {
      method: "POST",
      headers: { Authorization: `Bearer ${mediator}` },
    });
    expect(confirmed.status).toBe(200);
    const [ics, icsRemix] = await both(`/api/v1/bookings/${made[0].json.id}/calendar.ics`, {
      headers: { Authorization: `Bearer ${party}` },
    });
    expect(ics.status).toBe(200);
    expect(ics.type).toBe(icsRemix.type);
    // The files differ only in when they were made (DTSTAMP).
    const stamp = (t: string) => t.replace(/DTSTAMP:\S+/, "DTSTAMP");
    expect(stamp(ics.text)).toBe(stamp(icsRemix.text));
    expect(ics.text).toContain("BEGIN:VCALENDAR");
  });

  it("a body over a megabyte is refused (413), and not kept in memory", async () => {
    const party = await bearer("party@example.com");
    const res = await ask(fast, "/api/v1/bookings", jsonPost(party, `{"summary":"${"x".repeat(1_100_000)}"}`));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("body_too_large");
  });

  it("pages still go to Remix", async () => {
    const res = await fetch(`${fast.url}/search?q=海事`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
  });
});
