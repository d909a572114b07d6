// What the real server (server.mjs, the built site) answers to hostile or malformed requests (issue 7):
// never a 500, never a redirect off the site, never a body it was not meant to hold; and the headers
// every answer must carry. One server process on a fresh database.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { ensureBuilt, startServer, type RunningServer } from "./server";

const file = freshDatabase();
let server: RunningServer;

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "1" });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request through node:http, which (unlike fetch) sends any method, any header byte and, without a
 * Content-Length, a chunked body. The answer is read even when the server stops reading the upload.
 */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Raw> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ hostname, port, path, method, headers }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    // The server may close the connection before the whole upload is sent: the answer still counts.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** Signs in through the page and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const res = await raw("POST", "/login", FORM, form({ email, password: "demo12345" }));
  expect(res.status).toBe(302);
  const sid = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("sid="));
  return sid!.split(";")[0];
}

describe("bad input is a 4xx, never a 500", () => {
  it("an unknown method (TRACE and others) is a 405 with Allow, on pages and on the API", async () => {
    for (const method of ["TRACE", "PROPFIND", "OPTIONS"]) {
      const page = await raw(method, "/");
      expect([method, page.status, page.headers.allow]).toEqual([method, 405, "GET, HEAD, POST, PUT, PATCH, DELETE"]);
      const api = await raw(method, "/api/v1/search");
      expect([method, api.status, api.headers.allow]).toEqual([method, 405, "GET, HEAD, POST, PUT, PATCH, DELETE"]);
      expect(JSON.parse(api.body).error.code).toBe("method_not_allowed");
    }
  });

  it("`Origin: null` on a write is refused as cross-site (403), on a page and on the API", async () => {
    const page = await raw("POST", "/login", { ...FORM, Origin: "null" }, form({ email: "party@example.com", password: "demo12345" }));
    expect(page.status).toBe(403);
    expect(page.headers["set-cookie"]).toBeUndefined();
    const api = await raw(
      "POST",
      "/api/v1/auth/token",
      { "Content-Type": "application/json", Origin: "null" },
      JSON.stringify({ email: "party@example.com", password: "demo12345" }),
    );
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body).error.code).toBe("csrf");
  });

  it("a malformed cookie is no cookie: every page and API answers as it would without it", async () => {
    const expected: Record<string, number> = {
      "/": 200,
      "/search?q=%E5%8C%BB%E7%96%97": 200,
      "/mediators/1": 200,
      "/login": 200,
      "/bookings": 302,
      "/api/v1/me": 401,
      "/api/v1/search?q=x": 200,
    };
    for (const cookie of ["sid=%ZZ", "lang=%E0%A4%A", "sid=%ZZ; lang=%E0%A4%A"]) {
      const got: Record<string, number> = {};
      for (const path of Object.keys(expected)) got[path] = (await raw("GET", path, { Cookie: cookie })).status;
      expect([cookie, got]).toEqual([cookie, expected]);
    }
  });

  it("a page POST whose body is not a form: 415 for other types, 400 for a broken multipart body", async () => {
    const login = (headers: Record<string, string>, body: string) => raw("POST", "/login", headers, body);
    expect((await login({}, "email=a")).status).toBe(415);
    expect((await login({ "Content-Type": "application/json" }, '{"email":"a"}')).status).toBe(415);
    expect((await login({ "Content-Type": "text/plain" }, "email=a")).status).toBe(415);
    const broken = await login({ "Content-Type": "multipart/form-data; boundary=xyz" }, "--xyz\r\nnot a part");
    expect(broken.status).toBe(400);
    expect(broken.headers["content-type"]).toBe("text/plain; charset=utf-8");
    // A well-formed multipart form is a form: the sign-in page reads it (and the password is wrong).
    const multipart = [
      "--xyz",
      'Content-Disposition: form-data; name="email"',
      "",
      "party@example.com",
      "--xyz",
      'Content-Disposition: form-data; name="password"',
      "",
      "not-it",
      "--xyz--",
      "",
    ].join("\r\n");
    expect((await login({ "Content-Type": "multipart/form-data; boundary=xyz" }, multipart)).status).toBe(401);
  });
});

describe("one body limit for pages and the API", () => {
  const big = Buffer.alloc(2 * 1024 * 1024, "a");

  it("a declared Content-Length over the limit is a 413 before anything is read", async () => {
    const page = await raw("POST", "/login", { ...FORM, "Content-Length": String(big.length) }, big);
    expect(page.status).toBe(413);
    expect(page.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const api = await raw("POST", "/api/v1/auth/token", { "Content-Type": "application/json", "Content-Length": String(big.length) }, big);
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body).error.code).toBe("body_too_large");
  });

  it("a chunked body is counted as it arrives: past the limit it is a 413 too", async () => {
    const page = await raw("POST", "/login", FORM, big);
    expect(page.status).toBe(413);
    const api = await raw("POST", "/api/v1/auth/token", { "Content-Type": "application/json" }, big);
    expect(api.status).toBe(413);
    // The server is still well after refusing them.
    expect((await raw("GET", "/healthz")).status).toBe(200);
  });
});

describe("`next` never leads off the site", () => {
  const bypasses = [
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "/%0D%0ASet-Cookie:%20x=1",
    "https:evil.example",
    "http://evil.example/",
    "/%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/.//evil.example",
    "///evil.example",
    " /evil.example",
  ];
  const q = (next: string) => `?next=${encodeURIComponent(next)}`;

  it("sign-in, registration and the language switch fall back to their own page for every known bypass", async () => {
    const party = await signIn("party@example.com");
    for (const next of bypasses) {
      const answers = [
        (await raw("GET", `/login${q(next)}`, { Cookie: party })).headers.location,
        (await raw("POST", "/login", FORM, form({ email: "party2@example.com", password: "demo12345", next }))).headers.location,
        (await raw("GET", `/register${q(next)}`, { Cookie: party })).headers.location,
        (await raw("GET", `/lang/en${q(next)}`)).headers.location,
      ];
      expect([next, answers]).toEqual([next, ["/bookings", "/bookings", "/", "/"]]);
    }
  });

  it("a path with Chinese in it is followed, percent-encoded (the Location header cannot hold it raw)", async () => {
    const party = await signIn("party@example.com");
    const res = await raw("GET", "/login?next=%2Fsearch%3Fq%3D%E5%8A%B3%E5%8A%A8", { Cookie: party });
    expect([res.status, res.headers.location]).toEqual([302, "/search?q=%E5%8A%B3%E5%8A%A8"]);
    const lang = await raw("GET", "/lang/en?next=%2Fsearch%3Fq%3D%E5%8A%B3%E5%8A%A8%26town%3Dliuheng");
    expect([lang.status, lang.headers.location]).toEqual([303, "/search?q=%E5%8A%B3%E5%8A%A8&town=liuheng"]);
  });
});

describe("headers", () => {
  it("a Content-Security-Policy with a fresh nonce that every inline script of the page carries", async () => {
    const nonces = [];
    for (const path of ["/", "/search?q=%E5%8C%BB%E7%96%97"]) {
      const res = await raw("GET", path);
      const csp = String(res.headers["content-security-policy"]);
      const nonce = csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'(;|$)/)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      for (const directive of [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toContain("'unsafe-eval'");
      const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(2);
  });

  it("pages with personal data, and every answer to a signed-in user, are `private, no-store`", async () => {
    const anonymous = ["/account", "/bookings", "/dashboard", "/staff/notifications", "/admin/accounts"];
    for (const path of anonymous) expect([path, (await raw("GET", path)).headers["cache-control"]]).toEqual([path, "private, no-store"]);
    const party = await signIn("party@example.com");
    for (const path of ["/", "/search?q=%E5%8C%BB%E7%96%97", "/mediators/1", "/bookings", "/account", "/api/v1/me", "/api/v1/search?q=x"]) {
      const res = await raw("GET", path, { Cookie: party });
      expect([path, res.status, res.headers["cache-control"]]).toEqual([path, 200, "private, no-store"]);
    }
  });

  it("X-Forwarded-Host is not believed without TRUST_PROXY: another site's sign-in post is refused", async () => {
    const res = await raw(
      "POST",
      "/login",
      { ...FORM, Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
      form({ email: "party@example.com", password: "demo12345" }),
    );
    expect(res.status).toBe(403);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("behind a trusted proxy (TRUST_PROXY=1) the forwarded host is the site's own: the same post signs in", async () => {
    const proxied = await startServer({ DATABASE_PATH: file, WEB_CONCURRENCY: "1", TRUST_PROXY: "1" });
    try {
      const res = await fetch(`${proxied.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { ...FORM, Origin: "https://mediators.example", "X-Forwarded-Host": "mediators.example", "X-Forwarded-Proto": "https" },
        body: form({ email: "party2@example.com", password: "demo12345" }),
      });
      expect(res.status).toBe(302);
      // The proxy said https: the session cookie is Secure.
      expect(res.headers.get("set-cookie")).toMatch(/^sid=[^;]+;.*; Secure$/);
    } finally {
      await proxied.stop();
    }
  });
});

describe("server-rendered HTML holds no NUL bytes (React 18's streaming bug)", () => {
  const pages: Record<string, string[]> = {
    anonymous: [
      "/",
      "/search?q=%E5%8C%BB%E7%96%97",
      "/search?q=%E5%8A%B3%E5%8A%A8",
      "/mediators/1",
      "/mediators/2",
      "/mediators/12",
      "/committees/1",
      "/login",
      "/register",
    ],
    "party@example.com": ["/mediators/1/book", "/committees/1/book", "/bookings", "/account", "/search?q=%E8%88%B9"],
    "mediator@example.com": ["/dashboard", "/dashboard/availability"],
    "staff@example.com": ["/staff/notifications", "/bookings"],
    "admin@example.com": ["/admin/accounts"],
  };

  it("every page, as the role that may see it, is a whole document without \\u0000", async () => {
    for (const [who, paths] of Object.entries(pages)) {
      const headers: Record<string, string> = who === "anonymous" ? {} : { Cookie: await signIn(who) };
      for (const path of paths) {
        const res = await raw("GET", path, headers);
        const nul = res.body.split("\u0000").length - 1;
        // Remix streams its data scripts after </html>: the document is whole when it holds </html>.
        expect([who, path, res.status, nul, res.body.includes("</html>")]).toEqual([who, path, 200, 0, true]);
      }
    }
  });

  it("also when a crawler gets the whole document at once", async () => {
    const res = await raw("GET", "/search?q=%E5%8C%BB%E7%96%97", { "User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    expect([res.status, res.body.includes("\u0000")]).toEqual([200, false]);
  });
});
