// @ts-check
// The JSON API served straight from its route modules (app/routes/api.*), without Remix's request
// pipeline. Remix spends most of a request on work an API response does not need (document and data
// request handling, stream piping); for `POST /api/v1/bookings` that was three quarters of the time.
// Routing stays Remix's own: the route tree is rebuilt from the build's manifest and matched with
// @remix-run/router, the same function Remix uses, so a path reaches the same module either way.
// What is not an API resource route falls through to Remix. See docs/decisions/007-booking-throughput.md.
// Bodies were read (and limited) by server/app.mjs before this runs; errors use the API's one shape.
// Only `loader` and `action` of an API module are used: tests/integration/security-fast-path.test.ts
// holds every app/routes/api.* module to exporting nothing else, so nothing Remix would add is lost.
import { matchRoutes } from "@remix-run/router";
import { isPrivate, jsonError, methodNotAllowed, requestInit } from "./http.mjs";

/**
 * @typedef {import("./http.mjs").Req} Req @typedef {import("./http.mjs").Res} Res
 * @typedef {{ id: string, parentId?: string, path?: string, index?: boolean, caseSensitive?: boolean, module: ApiModule }} BuildRoute
 * @typedef {{ id: string, path?: string, index?: boolean, caseSensitive?: boolean, children: RouteNode[] }} RouteNode
 * @typedef {(args: { request: Request, params: Record<string, string | undefined>, context: unknown }) => unknown} DataFunction
 * @typedef {{ loader?: DataFunction, action?: DataFunction, default?: unknown }} ApiModule
 * @typedef {{ routes: Record<string, BuildRoute> }} Build
 * @typedef {(pathname: string) => import("@remix-run/router").AgnosticRouteMatch<string, any>[] | null} Matcher
 * @typedef {{ module: ApiModule, params: Record<string, string | undefined> }} ApiMatch
 */

/**
 * The build's flat route manifest as the nested tree matchRoutes expects.
 * @param {Record<string, BuildRoute>} routes
 * @returns {RouteNode[]}
 */
export function routeTree(routes) {
  /** @type {Map<string | undefined, BuildRoute[]>} */
  const byParent = new Map();
  for (const route of Object.values(routes)) {
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push(route);
    byParent.set(route.parentId, siblings);
  }
  /** @param {string | undefined} parentId @returns {RouteNode[]} */
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
 * @param {RouteNode[]} tree
 * @returns {Matcher}
 */
function memoizedMatcher(tree, max = 10_000) {
  /** @type {Map<string, ReturnType<Matcher>>} */
  const memo = new Map();
  return (pathname) => {
    const known = memo.get(pathname);
    if (known !== undefined) return known;
    // The tree has the fields matchRoutes reads; its type wants index routes without children.
    const matches = matchRoutes(/** @type {import("@remix-run/router").AgnosticRouteObject[]} */ (tree), pathname);
    if (memo.size >= max) memo.clear();
    memo.set(pathname, matches);
    return matches;
  };
}

/**
 * The API resource route and params for a path, or null when Remix should handle it.
 * @param {Build} build @param {Matcher} match @param {string} pathname
 * @returns {ApiMatch | null}
 */
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

/**
 * A Fetch API Request whose body was read whole from the socket (server/app.mjs): text(), json(),
 * arrayBuffer() and formData() answer from the buffer instead of going through a web stream, which
 * is most of what undici spends on a small JSON body.
 */
class BufferedRequest extends Request {
  #body;
  /** @param {string} url @param {RequestInit} init @param {Buffer<ArrayBuffer>} body */
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

/**
 * The Fetch API request a route module expects, built from Express's, with an abort signal that fires
 * when the client leaves before the answer is sent (so work stops as it does under Remix).
 * @param {Req} req @param {Res} res
 */
function toRequest(req, res) {
  const { url, init } = requestInit(req, res);
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, init);
  return new BufferedRequest(url, init, req.rawBody ?? Buffer.alloc(0));
}

/**
 * Runs the route's loader (GET, HEAD) or action (anything else), as Remix does for resource routes.
 * @param {ApiMatch} match @param {Request} request @param {unknown} context
 * @returns {Promise<Response>}
 */
async function respond(match, request, context) {
  const isRead = request.method === "GET" || request.method === "HEAD";
  const handler = isRead ? match.module.loader : match.module.action;
  if (!handler) {
    const allowed = [];
    if (match.module.loader) allowed.push("GET");
    if (match.module.action) allowed.push("POST");
    return methodNotAllowed(allowed);
  }
  try {
    const result = await handler({ request, params: match.params, context });
    return result instanceof Response ? result : Response.json(result ?? null);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    console.error(thrown);
    return jsonError(500, "internal", "Something went wrong on our side");
  }
}

/**
 * As @remix-run/express sends a response (res.append adds "; charset=utf-8" to a JSON type). Bodies of
 * 1 KB or more (search results) go through the compression middleware, as everything else does;
 * smaller ones, which it would not compress, skip its cost.
 * @param {Req} req @param {Res} res @param {Response} response @param {Compress | undefined} compress
 */
async function send(req, res, response, compress) {
  const body = req.method === "HEAD" || !response.body ? undefined : Buffer.from(await response.arrayBuffer());
  const write = () => {
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers) res.append(key, value);
    if (isPrivate(req, response.headers)) res.setHeader("Cache-Control", "private, no-store");
    res.end(body);
  };
  if (compress && body && body.length >= 1024) compress(req, res, write);
  else write();
}

/** @typedef {(req: Req, res: Res, next: () => void) => void} Compress */

/**
 * Express middleware: API routes answered here, everything else passed on to Remix.
 * @param {Build} build
 * @param {(req: Req, res: Res) => unknown} getLoadContext
 * @param {Compress} [compress]
 */
export function apiFastPath(build, getLoadContext, compress) {
  const matcher = memoizedMatcher(routeTree(build.routes));
  return async (/** @type {Req} */ req, /** @type {Res} */ res, /** @type {(error?: unknown) => void} */ next) => {
    const match = matchApiRoute(build, matcher, req.path);
    if (!match) return next();
    try {
      const response = await respond(match, toRequest(req, res), getLoadContext(req, res));
      await send(req, res, response, compress);
    } catch (error) {
      next(error);
    }
  };
}
