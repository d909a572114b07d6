// @ts-check
// The production server (`npm start`): one process, or WEB_CONCURRENCY processes on one port.
// Usage: node server.mjs build/server/index.js
import cluster from "node:cluster";
import path from "node:path";
import { installGlobals } from "@remix-run/node";
import { env } from "./config/env.mjs";
import { serve } from "./server/app.mjs";
import { superviseWorkers, workerCount } from "./server/workers.mjs";

// React and Remix read NODE_ENV themselves: the production server defaults it before anything loads.
process.env.NODE_ENV ??= "production";
installGlobals({ nativeFetch: true });

let config;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const workers = workerCount(config);
if (cluster.isPrimary && workers > 1) superviseWorkers(workers);
else await serve(path.resolve(process.argv[2] ?? "build/server/index.js"), config);
