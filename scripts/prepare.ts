// What `npm start` runs first: migrate, seed the demo pool into an empty database, and build the site
// when the build is missing or older than the sources.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env } from "../config/env.mjs";
import { prepareDatabase } from "../db/seed";

const root = path.resolve(import.meta.dirname, "..");
const file = env().DATABASE_PATH;

const { seeded } = prepareDatabase(file);
console.log(seeded ? `database ${file}: migrated and seeded with the demo pool` : `database ${file}: migrated`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.name === "build" || entry.name === "node_modules") continue; // outputs, not sources
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(tsx?|css|js|json)$/.test(entry.name) && !/\.test\./.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = path.join(root, "build/server/index.js");
const sources = Math.max(
  ...["app", "search", "db", "public"].filter((d) => fs.existsSync(path.join(root, d))).map((d) => newestMtime(path.join(root, d))),
  fs.statSync(path.join(root, "remix.config.js")).mtimeMs,
);
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log("building the site…");
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], { cwd: root, stdio: "inherit" });
}
