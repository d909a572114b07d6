// The production server (`npm start`): one process, or WEB_CONCURRENCY processes on one port.
// Usage: node server.mjs build/server/index.js
import cluster from "node:cluster";
import path from "node:path";
import { installGlobals } from "@remix-run/node";
import { serve } from "./server/app.mjs";
import { superviseWorkers, workerCount } from "./server/workers.mjs";

process.env.NODE_ENV ??= "production";
installGlobals({ nativeFetch: true });

let workers;
try {
  workers = workerCount();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (cluster.isPrimary && workers > 1) superviseWorkers(workers);
else await serve(path.resolve(process.argv[2] ?? "build/server/index.js"));
