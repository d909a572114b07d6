// Applies the committed SQL migrations in db/migrations. Safe to run on every start.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "../config/env.mjs";
import { openDb, type Db } from "./client";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = env().DATABASE_PATH;
  migrateDb(openDb(file));
  console.log(`migrated ${file}`);
}
