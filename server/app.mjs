// @ts-check
// The Express app of one server process: like remix-serve, plus what remix-serve cannot give the app:
// the client's address (for rate limits), security headers with a per-request CSP nonce, a refusal of
// cross-site writes, of unknown methods, of oversized bodies and of page posts that are not forms, and
// the JSON API served from its route modules without Remix's pipeline (ADR 004, ADR 007, ADR 009).
// Everything that can be refused is refused here, before Remix, so bad input is a 4xx and never a 500.
// Access logs carry method, path and status only: query strings may hold what a party typed.
import crypto from "node:crypto";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { apiFastPath } from "./api-fast-path.mjs";
import { ALLOWED_METHODS, MAX_BODY_BYTES, isPrivate, isUnsafeMethod, readBody, requestInit } from "./http.mjs";

/** @typedef {import("./http.mjs").Req} Req @typedef {import("./http.mjs").Res} Res @typedef {import("./http.mjs").Next} Next */

/**
 * script-src has no 'unsafe-inline': Remix's inline hydration scripts carry the request's nonce.
 * Inline style *attributes* stay allowed (an avatar's colour); style elements and sheets are ours only.
 * Built once around the nonce's place: every response carries it.
 */
const [CSP_BEFORE, CSP_AFTER] = [
  "default-src 'self'",
  "script-src 'self' 'nonce-NONCE'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]
  .join("; ")
  .split("NONCE");

/**
 * A refusal in the shape the caller reads: the API's JSON error under /api/, a short text elsewhere.
 * @param {Req} req @param {Res} res @param {number} status @param {string} code @param {string} message
 * @param {string} zh the same, in the pages' language
 * @param {Record<string, string>} [headers]
 */
function refuse(req, res, status, code, message, zh, headers = {}) {
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.setHeader("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) res.status(status).json({ error: { code, message } });
  else res.status(status).type("text/plain; charset=utf-8").send(`${message} / ${zh}`);
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Page actions read `request.formData()`, which throws (a 500) on anything that is not a well-formed
 * form. Pages only ever post forms, so anything else is refused here once for every page action.
 * @param {Req} req @param {Buffer<ArrayBuffer>} body
 * @returns {Promise<null | [number, string, string, string]>} the refusal, or null for a good form
 */
async function notAForm(req, body) {
  const type = req.get("content-type") ?? "";
  if (!FORM_TYPES.has(type.split(";")[0].trim().toLowerCase()))
    return [415, "unsupported_media_type", "Send the page's form", "请通过页面上的表单提交"];
  try {
    await new Response(body, { headers: { "Content-Type": type } }).formData();
    return null;
  } catch {
    return [400, "bad_form", "The form could not be read", "无法读取提交的表单"];
  }
}

/**
 * @param {string} buildPath
 * @param {import("../config/env.mjs").Env} config
 */
export async function serve(buildPath, config) {
  const build = await import(buildPath);
  const app = express();
  app.disable("x-powered-by");
  // Behind a proxy set TRUST_PROXY=1 so X-Forwarded-For/-Host/-Proto name the client and the site;
  // otherwise they are ignored (and dropped before the app sees the request: http.mjs requestInit).
  app.set("trust proxy", config.TRUST_PROXY === "1");
  const compress = compression();

  app.use((/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", CSP_BEFORE + nonce + CSP_AFTER);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  });
  if (config.ACCESS_LOG !== "0") {
    app.use((/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
      const started = performance.now();
      res.on("finish", () => {
        const ms = (performance.now() - started).toFixed(1);
        console.log(`${req.method} ${req.path} ${res.statusCode} ${ms}ms`);
      });
      next();
    });
  }
  app.use((/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
    if (ALLOWED_METHODS.includes(req.method ?? "")) return next();
    refuse(req, res, 405, "method_not_allowed", `Method ${req.method} is not supported`, "不支持此请求方法", {
      Allow: ALLOWED_METHODS.join(", "),
    });
  });
  // A write from another site's page is refused here with a clear 403 (Remix would otherwise throw its
  // own "potential CSRF attack" error, a 500). `Origin: null` (a sandboxed frame, a cross-site redirect)
  // names no site at all, so it is refused too. The app's CSRF tokens still guard same-site requests.
  app.use((/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
    const origin = req.get("origin");
    if (!isUnsafeMethod(req.method ?? "") || origin === undefined) return next();
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      host = "";
    }
    const forwarded = req.app.get("trust proxy") ? req.get("x-forwarded-host")?.split(",")[0].trim() : undefined;
    if (host && (host === forwarded || host === req.get("host"))) return next();
    refuse(req, res, 403, "csrf", "Cross-site request refused", "已拒绝来自其他网站的请求");
  });
  // Every body is read here, once, at most MAX_BODY_BYTES: larger ones are a 413 before they are held.
  app.use(async (/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    try {
      const body = await readBody(req);
      if (body === null) {
        // The rest of the upload is not read: close the connection after answering.
        return refuse(req, res, 413, "body_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes`, "提交的内容过大", {
          Connection: "close",
        });
      }
      req.rawBody = body;
      if (!req.path.startsWith("/api/")) {
        const refusal = await notAForm(req, body);
        if (refusal) return refuse(req, res, ...refusal);
      }
      next();
    } catch (error) {
      next(error);
    }
  });
  /** @param {Req} req @param {Res} res */
  const getLoadContext = (req, res) => ({
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    cspNonce: /** @type {string} */ (res.locals.cspNonce),
  });
  // The JSON API skips Remix's pipeline (same route modules, same routing; API_FAST_PATH=0 turns it off).
  // Before compression and the static files: an API request need not cost a file-system lookup, and
  // the fast path compresses only the answers big enough to gain from it.
  if (config.API_FAST_PATH !== "0") app.use(apiFastPath(build, getLoadContext, compress));
  app.use(compress);
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", remixHandler(build, config.NODE_ENV, getLoadContext));

  const { PORT: port, HOST: host } = config;
  const server = host ? app.listen(port, host, onListen) : app.listen(port, onListen);
  function onListen() {
    console.log(`serving http://${host ?? "localhost"}:${port}`);
  }
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      // Keep-alive connections would hold close() open; do not wait on them for long.
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}

/**
 * Remix's request handler, as @remix-run/express wraps it, but fed the body read above (so the limit
 * holds) and with the private-cache rule applied to what it answers.
 * @param {import("@remix-run/node").ServerBuild} build
 * @param {string} mode
 * @param {(req: Req, res: Res) => Record<string, unknown>} getLoadContext
 */
function remixHandler(build, mode, getLoadContext) {
  const handle = createRequestHandler(build, mode);
  return async (/** @type {Req} */ req, /** @type {Res} */ res, /** @type {Next} */ next) => {
    try {
      const { url, init } = requestInit(req, res);
      const request = new Request(url, { ...init, body: req.rawBody });
      const response = await handle(request, getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers) res.append(key, value);
      if (isPrivate(req, response.headers)) res.setHeader("Cache-Control", "private, no-store");
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
