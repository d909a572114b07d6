// The Express app of one server process: like remix-serve, plus what remix-serve cannot give the app:
// the client's address (for login rate limits), security headers, a refusal of cross-site writes, and
// the JSON API served from its route modules without Remix's pipeline (ADR 004, ADR 007).
// Access logs carry method, path and status only: query strings may hold what a party typed.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { apiFastPath } from "./api-fast-path.mjs";

export async function serve(buildPath) {
  const build = await import(buildPath);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST; // unset: every interface, as remix-serve does

  const app = express();
  app.disable("x-powered-by");
  // Behind a proxy set TRUST_PROXY=1 so X-Forwarded-For names the client; otherwise it is ignored.
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  const compress = compression();
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  });
  if (process.env.ACCESS_LOG !== "0") {
    app.use((req, res, next) => {
      const started = performance.now();
      res.on("finish", () => {
        const ms = (performance.now() - started).toFixed(1);
        console.log(`${req.method} ${req.path} ${res.statusCode} ${ms}ms`);
      });
      next();
    });
  }
  // A write from another site's page is refused here with a clear 403 (Remix would otherwise throw its
  // own "potential CSRF attack" error, a 500). The app's CSRF tokens still guard same-site requests.
  const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
  app.use((req, res, next) => {
    const origin = req.get("origin");
    if (!UNSAFE.has(req.method) || !origin || origin === "null") return next();
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      host = "";
    }
    if (host === req.get("x-forwarded-host") || host === req.get("host")) return next();
    const message = "Cross-site request refused";
    if (req.path.startsWith("/api/")) res.status(403).json({ error: { code: "csrf", message } });
    else res.status(403).type("text/plain; charset=utf-8").send(`${message} / 已拒绝来自其他网站的请求`);
  });
  const getLoadContext = (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" });
  // The JSON API skips Remix's pipeline (same route modules, same routing; API_FAST_PATH=0 turns it off).
  // Before compression and the static files: an API request need not cost a file-system lookup, and
  // the fast path compresses only the answers big enough to gain from it.
  if (process.env.API_FAST_PATH !== "0") app.use(apiFastPath(build, getLoadContext, compress));
  app.use(compress);
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext }));

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
