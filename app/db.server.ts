// The process's database handle, opened on first use from DATABASE_PATH.
import { openDb, type Db } from "../db/client";
import { env } from "./env.server";

export function getDb(): Db {
  return openDb(env().DATABASE_PATH);
}
