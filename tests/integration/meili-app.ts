// What the tests that run the app against a real Meilisearch share (meili-faults, meili-outage): the
// installed binary or a clear reason to skip, a fresh database and a server of their own on loopback,
// the app's settings pointed at it (a short search timeout and breaker, so faults show in seconds),
// and a poll for what the outbox delivers in the background.
import { vi } from "vitest";
import { findMeiliBinary, startMeili, type MeiliServer } from "../contract/meili-server";
import { freshDatabase } from "./setup-db";

export interface MeiliApp {
  /** Why these tests are skipped here (no binary), or undefined when they run. */
  skipReason: string | undefined;
  /** The binary's version, for the suite's title. */
  version: string;
  server: MeiliServer | undefined;
  dbFile: string;
  index: string;
}

/** Starts a server for `kind` ("fault", "outage") and points the app at it, unless there is no binary. */
export async function meiliApp(kind: string): Promise<MeiliApp> {
  const binary = findMeiliBinary();
  const index = `${kind}_${process.pid}`;
  if ("missing" in binary) {
    const skipReason = `skipped: ${binary.missing}`;
    console.warn(`Meilisearch ${kind} tests ${skipReason}`);
    return { skipReason, version: "", server: undefined, dbFile: "", index };
  }
  const dbFile = freshDatabase();
  const server = await startMeili();
  process.env.MEILI_URL = server.url;
  process.env.MEILI_MASTER_KEY = server.key;
  process.env.MEILI_INDEX = index;
  process.env.MEILI_SEARCH_TIMEOUT_MS = "800";
  process.env.MEILI_BREAKER_MS = "1000";
  return { skipReason: undefined, version: binary.version, server, dbFile, index };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `fn()` again every 50 ms until `ok` holds of its value; its last value named in the error after `timeoutMs`. */
export async function eventually<T>(what: string, fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(v)})`);
    await sleep(50);
  }
}

/** After the tests: the search service stopped (its tick let finish), mocks restored, the server stopped. */
export async function stopMeiliApp(service: { stop(): void; ticking: boolean } | undefined, server: MeiliServer | undefined) {
  service?.stop();
  for (let i = 0; i < 200 && service?.ticking; i++) await sleep(50);
  vi.restoreAllMocks();
  await server?.stop();
}
