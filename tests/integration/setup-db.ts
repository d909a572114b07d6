// A fresh database file per test file, migrated and seeded with the deterministic demo pool.
// Must be imported before anything that reads the environment (env() parses it once).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../../db/seed";

/** No case history unless asked (`history: N`): each test makes the cases it asserts on, and stays fast. */
export function freshDatabase(opts: { scale?: number; history?: number } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mediators-it-"));
  const file = path.join(dir, "app.db");
  prepareDatabase(file, { history: 0, ...opts });
  process.env.DATABASE_PATH = file;
  process.env.SEARCH_OUTBOX_POLL_MS = "50";
  return file;
}
