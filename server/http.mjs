// @ts-check
// HTTP rules written once and shared by the Express server (server/*.mjs, run by plain node) and the app
// (app/utils/*, which re-export them): the methods the site answers, which of them must prove they come
// from our own pages, the body limit, the cookie reader, and the JSON error answers of the API.

/** The largest body the site reads, API or page. A page form is a few kB and an API body a small JSON
 * document; 1 MiB leaves room and bounds a worker's memory (10 × 16 MB posts had grown one to 818 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Every method a route may answer. Anything else (TRACE, CONNECT, OPTIONS, WebDAV…) is a 405 with these. */
export const ALLOWED_METHODS = Object.freeze(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);

/** Methods that change something: they need a same-origin proof (and the CSRF token with a cookie). */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** @param {string} method */
export function isUnsafeMethod(method) {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** The browser session's cookie. */
export const SESSION_COOKIE = "sid";

/**
 * One cookie's value from a Cookie header, or null. Never throws: a value that is not valid
 * percent-encoding (`sid=%ZZ`) is treated as absent, as a garbled cookie names nobody.
 * @param {string | null | undefined} header
 * @param {string} name
 * @returns {string | null}
 */
export function readCookie(header, name) {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The API's error answer: `{error: {code, message, fields?}}`, never cached.
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {{ fields?: Record<string, string[]>, headers?: Record<string, string> }} [extra]
 */
export function jsonError(status, code, message, extra = {}) {
  const error = { code, message, ...(extra.fields ? { fields: extra.fields } : {}) };
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...extra.headers },
  });
}

/**
 * 405 with `Allow`, for an API route asked with a method it does not take.
 * @param {readonly string[]} allowed
 */
export function methodNotAllowed(allowed) {
  return jsonError(405, "method_not_allowed", `Use ${allowed.join(" or ")}`, { headers: { Allow: allowed.join(", ") } });
}

/**
 * What the server uses of Express's request and response (Express ships no types here).
 * @typedef {import("node:http").IncomingMessage & {
 *   path: string, originalUrl: string, protocol: string, hostname: string, ip?: string,
 *   get(name: string): string | undefined, app: { get(key: string): unknown }, rawBody?: Buffer<ArrayBuffer>
 * }} Req
 * @typedef {import("node:http").ServerResponse & {
 *   locals: Record<string, any>, status(code: number): Res, append(key: string, value: string): Res,
 *   type(type: string): Res, send(body: unknown): Res, json(body: unknown): Res
 * }} Res
 * @typedef {(error?: unknown) => void} Next
 */

/**
 * The whole body, or null when it is larger than `limit`. The declared Content-Length is checked before
 * anything is read, and a chunked body is counted as it arrives and dropped the moment it passes the
 * limit, so an oversized body never sits in memory. Plain events: an async iterator costs more.
 * @param {Req} req
 * @param {number} [limit]
 * @returns {Promise<Buffer<ArrayBuffer> | null>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.off("end", onEnd);
      chunks.length = 0;
      resolve(null);
    };
    // A socket's chunks are Buffers over plain ArrayBuffers (never shared memory): one needs no copy.
    const onEnd = () => resolve(chunks.length === 1 ? /** @type {Buffer<ArrayBuffer>} */ (chunks[0]) : Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

/**
 * Host and port as the site names itself. req.hostname honours "trust proxy"; the port from
 * X-Forwarded-Host likewise counts only behind a trusted proxy.
 * @param {Req} req
 */
function hostOf(req) {
  /** @param {string | undefined} value */
  const portOf = (value) => Number.parseInt(value?.split(",")[0].split(":")[1] ?? "", 10);
  const forwarded = req.app.get("trust proxy") ? portOf(req.get("X-Forwarded-Host")) : NaN;
  const direct = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(direct) ? direct : "";
  return `${req.hostname}${port ? `:${port}` : ""}`;
}

/**
 * URL, method, headers and an abort signal for the Fetch API Request of an Express request. The signal
 * fires when the client goes away before the answer is finished, so loaders and actions can stop.
 * X-Forwarded-* headers are dropped unless the proxy is trusted: the app (and Remix's own origin check)
 * must not take a client's word for which site it is.
 * @param {Req} req
 * @param {Res} res
 * @returns {{ url: string, init: { method: string, headers: [string, string][], signal: AbortSignal } }}
 */
export function requestInit(req, res) {
  const trusted = Boolean(req.app.get("trust proxy"));
  /** @type {[string, string][]} */
  const headers = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    if (!trusted && /^x-forwarded-/i.test(name)) continue;
    headers.push([name, req.rawHeaders[i + 1]]);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return {
    url: `${req.protocol}://${hostOf(req)}${req.originalUrl}`,
    init: { method: req.method ?? "GET", headers, signal: controller.signal },
  };
}

const PERSONAL_PAGES = /^\/(account|bookings|dashboard|staff|admin)(\/|\.data$|$)/;

/**
 * Answers that must stay out of shared caches: pages with personal data, and anything answered to a
 * request that carries a session or a token, or that sets a cookie.
 * @param {Req} req
 * @param {Headers} responseHeaders
 */
export function isPrivate(req, responseHeaders) {
  return (
    PERSONAL_PAGES.test(req.path) ||
    readCookie(req.get("cookie"), SESSION_COOKIE) !== null ||
    Boolean(req.get("authorization")) ||
    responseHeaders.has("set-cookie")
  );
}
