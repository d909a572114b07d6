// The JSON API served straight from its route modules (app/routes/api.*), without Remix's request
// pipeline. Remix spends most of a request on work an API response does not need (document and data
// request handling, stream piping); for `POST /api/v1/bookings` that was three quarters of the time.
// Routing stays Remix's own: the route tree is rebuilt from the build's manifest and matched with
// @remix-run/router, the same function Remix uses, so a path reaches the same module either way.
// What is not an API resource route falls through to Remix. See docs/decisions/007-booking-throughput.md.
import { matchRoutes } from "@remix-run/router";

const MAX_BODY = 1024 * 1024;

/** The build's flat route manifest as the nested tree matchRoutes expects. */
export function routeTree(routes) {
  const byParent = new Map();
  for (const route of Object.values(routes)) {
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push(route);
    byParent.set(route.parentId, siblings);
  }
  const children = (parentId) =>
    (byParent.get(parentId) ?? []).map((r) => ({
      id: r.id,
      path: r.path,
      index: r.index,
      caseSensitive: r.caseSensitive,
      children: children(r.id),
    }));
  return children(undefined);
}

/**
 * matchRoutes flattens and ranks the whole tree on every call, which cost more than the rest of a
 * small API request; its answer for a path never changes, so answers are remembered (bounded).
 */
function memoizedMatcher(tree, max = 10_000) {
  const memo = new Map();
  return (pathname) => {
    if (memo.has(pathname)) return memo.get(pathname);
    const matches = matchRoutes(tree, pathname);
    if (memo.size >= max) memo.clear();
    memo.set(pathname, matches);
    return matches;
  };
}

/** The API resource route and params for a path, or null when Remix should handle it. */
export function matchApiRoute(build, match, pathname) {
  if (!pathname.startsWith("/api/")) return null;
  const matches = match(pathname);
  const leaf = matches?.[matches.length - 1];
  if (!leaf) return null;
  const module = build.routes[leaf.route.id]?.module;
  // A route with a component renders a page: Remix's business, not ours.
  if (!module || module.default) return null;
  // A copy: the remembered match is shared by every request for this path.
  return { module, params: { ...leaf.params } };
}

const json = (status, code, message) =>
  new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });

/** The whole body, or null past MAX_BODY. Plain events: an async iterator costs more than the read. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Host and port as @remix-run/express gives them: req.hostname honours "trust proxy". */
function hostOf(req) {
  const portOf = (value) => Number.parseInt(value?.split(":")[1], 10);
  const forwarded = portOf(req.get("X-Forwarded-Host"));
  const direct = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(direct) ? direct : "";
  return `${req.hostname}${port ? `:${port}` : ""}`;
}

/**
 * A Fetch API Request whose body was read whole from the socket (at most MAX_BODY): text(), json(),
 * arrayBuffer() and formData() answer from the buffer instead of going through a web stream, which
 * is most of what undici spends on a small JSON body.
 */
class BufferedRequest extends Request {
  #body;
  constructor(url, init, body) {
    super(url, init);
    this.#body = body;
  }
  get body() {
    return new Blob([this.#body]).stream();
  }
  text() {
    return Promise.resolve(this.#body.toString("utf8"));
  }
  async json() {
    return JSON.parse(this.#body.toString("utf8"));
  }
  arrayBuffer() {
    return Promise.resolve(this.#body.buffer.slice(this.#body.byteOffset, this.#body.byteOffset + this.#body.byteLength));
  }
  formData() {
    return new Response(this.#body, { headers: { "Content-Type": this.headers.get("Content-Type") ?? "" } }).formData();
  }
}

/** The Fetch API request a route module expects, built from Express's. */
async function toRequest(req) {
  const headers = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  const url = `${req.protocol}://${hostOf(req)}${req.originalUrl}`;
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  const body = await readBody(req);
  if (body === null) return null;
  return new BufferedRequest(url, { method: req.method, headers }, body);
}

/** Runs the route's loader (GET, HEAD) or action (anything else), as Remix does for resource routes. */
async function respond(match, request, context) {
  const isRead = request.method === "GET" || request.method === "HEAD";
  const handler = isRead ? match.module.loader : match.module.action;
  if (!handler) {
    const allowed = [match.module.loader && "GET", match.module.action && "POST"].filter(Boolean);
    const res = json(405, "method_not_allowed", `Use ${allowed.join(" or ")}`);
    res.headers.set("Allow", allowed.join(", "));
    return res;
  }
  try {
    const result = await handler({ request, params: match.params, context });
    return result instanceof Response ? result : Response.json(result ?? null);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    console.error(thrown);
    return json(500, "internal", "Something went wrong on our side");
  }
}

/**
 * As @remix-run/express sends a response (res.append adds "; charset=utf-8" to a JSON type). Bodies of
 * 1 KB or more (search results) go through the compression middleware, as everything else does;
 * smaller ones, which it would not compress, skip its cost.
 */
async function send(req, res, response, compress) {
  const body = req.method === "HEAD" || !response.body ? undefined : Buffer.from(await response.arrayBuffer());
  const write = () => {
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers) res.append(key, value);
    res.end(body);
  };
  if (compress && body && body.length >= 1024) compress(req, res, write);
  else write();
}

/** Express middleware: API routes answered here, everything else passed on to Remix. */
export function apiFastPath(build, getLoadContext, compress) {
  const matcher = memoizedMatcher(routeTree(build.routes));
  return async (req, res, next) => {
    const match = matchApiRoute(build, matcher, req.path);
    if (!match) return next();
    try {
      const request = await toRequest(req);
      const response = request
        ? await respond(match, request, getLoadContext(req))
        : json(413, "body_too_large", `The body must be at most ${MAX_BODY} bytes`);
      await send(req, res, response, compress);
    } catch (error) {
      next(error);
    }
  };
}
