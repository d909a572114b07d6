// The database client: one better-sqlite3 connection per process and file, in WAL mode so several
// server processes can share the file (readers never block the single writer).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction(tx => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const open = new Map<string, Db>();
/** The drizzle handle of each connection, so a transaction handle can be traced back to it. */
const handles = new WeakMap<Database.Database, Db>();

export function openDb(file: string): Db {
  const key = file === ":memory:" ? file : path.resolve(file);
  const existing = open.get(key);
  if (existing) return existing;
  if (file !== ":memory:") fs.mkdirSync(path.dirname(key), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers from other processes wait instead of failing with SQLITE_BUSY.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  handles.set(sqlite, db);
  if (file !== ":memory:") open.set(key, db);
  return db;
}

export function closeDb(db: Db): void {
  for (const [key, value] of open) if (value === db) open.delete(key);
  db.$client.close();
}

/**
 * drizzle prepares a fresh statement for every query it runs, and preparing costs more than running a
 * small query. Statements are reusable, so they are kept by SQL text (bounded, oldest out first).
 * drizzle switches a statement to raw (array) rows for some calls, so each hand-out resets that mode.
 */
function cachePreparedStatements(sqlite: Database.Database, max = 2000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    // A PRAGMA acts when prepared (busy_timeout does), so running a kept one again would do nothing.
    if (/^\s*pragma\b/i.test(source)) return prepare(source);
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      if (hit.reader) hit.raw(false);
      return hit;
    }
    const statement = prepare(source);
    if (!hit) {
      cache.set(source, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/** The connection under a db or transaction handle (drizzle's transaction keeps it on its session). */
export function connectionOf(db: Db | Tx): Database.Database {
  return "$client" in db && db.$client ? db.$client : (db as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * Queries built once per connection with drizzle's `.prepare()` and `sql.placeholder()`. Building a
 * query (drizzle's SQL assembly) costs several times what SQLite takes to run a small one, so the
 * request paths that run many times a second (booking, sign-in by token, slots) use these. A set made
 * on the connection's handle runs inside any transaction on that connection: better-sqlite3 is
 * synchronous and a process has one connection per file.
 */
export function preparedQueries<T>(build: (db: Db) => T): (db: Db | Tx) => T {
  const sets = new WeakMap<Database.Database, T>();
  return (db) => {
    const connection = connectionOf(db);
    let set = sets.get(connection);
    if (!set) {
      const handle = handles.get(connection) ?? (drizzle(connection, { schema }) as Db);
      sets.set(connection, (set = build(handle)));
    }
    return set;
  };
}

/** How long a writer waits for another process's write lock before giving up (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000;

interface TransactionStatements {
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
}
const transactionStatements = new WeakMap<Database.Database, TransactionStatements>();

function statementsOf(connection: Database.Database): TransactionStatements {
  let s = transactionStatements.get(connection);
  if (!s) {
    s = {
      begin: connection.prepare("BEGIN IMMEDIATE"),
      commit: connection.prepare("COMMIT"),
      rollback: connection.prepare("ROLLBACK"),
    };
    transactionStatements.set(connection, s);
  }
  return s;
}

/** Runs `fn` in the transaction just begun: COMMIT after it, ROLLBACK if it throws. */
function finish<T>(db: Db, s: TransactionStatements, fn: (db: Db) => T): T {
  try {
    const result = fn(db);
    s.commit.run();
    return result;
  } catch (error) {
    if (db.$client.inTransaction) s.rollback.run();
    throw error;
  }
}

/**
 * `fn` inside BEGIN IMMEDIATE … COMMIT (rolled back if it throws), given the connection's own handle:
 * drizzle queries and prepared queries on it run inside the transaction. The booking path uses this
 * instead of `db.transaction()`, whose wrapper builds a new database object per transaction. Inside a
 * transaction already, `fn` runs in a savepoint of it.
 */
export function immediate<T>(db: Db, fn: (db: Db) => T): T {
  const connection = db.$client;
  if (connection.inTransaction) return connection.transaction(() => fn(db))();
  const s = statementsOf(connection);
  s.begin.run();
  return finish(db, s, fn);
}

const isBusy = (error: unknown) => (error as { code?: string } | null)?.code === "SQLITE_BUSY";

/**
 * `immediate`, for request handlers: while another process holds the write lock, it waits without
 * stalling this process. SQLite's busy handler sleeps inside the call, and with it every request the
 * process is serving (two processes booking flat out spent a quarter of their time asleep there). So
 * BEGIN IMMEDIATE is tried with no busy timeout and, when refused, tried again after yielding to the
 * event loop, for up to the same BUSY_TIMEOUT_MS.
 */
export function writeTransaction<T>(db: Db, fn: (db: Db) => T, maxWaitMs = BUSY_TIMEOUT_MS): Promise<T> {
  const connection = db.$client;
  // Writers of this process take turns: one polls for the lock while the others wait their turn,
  // instead of every pending request polling on its own.
  const turn = (writerQueues.get(connection) ?? Promise.resolve()).then(() => whenWritable(db, fn, maxWaitMs));
  writerQueues.set(
    connection,
    turn.catch(() => undefined),
  );
  return turn;
}

const writerQueues = new WeakMap<Database.Database, Promise<unknown>>();

async function whenWritable<T>(db: Db, fn: (db: Db) => T, maxWaitMs: number): Promise<T> {
  const connection = db.$client;
  if (connection.inTransaction) return immediate(db, fn);
  const s = statementsOf(connection);
  const started = Date.now();
  // SQLite applies busy_timeout when the PRAGMA is prepared, so these are not kept as statements.
  const wait = (ms: number) => connection.exec(`PRAGMA busy_timeout = ${ms}`);
  for (let attempt = 0; ; attempt++) {
    wait(0);
    try {
      s.begin.run();
      wait(BUSY_TIMEOUT_MS);
      return finish(db, s, fn);
    } catch (error) {
      wait(BUSY_TIMEOUT_MS);
      if (!isBusy(error) || connection.inTransaction || Date.now() - started > maxWaitMs) throw error;
    }
    // A lock is held for well under a millisecond: retry after the event loop's next turn (other
    // requests get served meanwhile; a refused BEGIN costs microseconds), then every millisecond.
    await new Promise((resolve) => (attempt < 50 ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
}
