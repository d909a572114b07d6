// Keeps one engine in step with the database and answers searches.
// - embedded: at start the index is built from the tables, then the process follows the outbox from
//   the cursor it read *before* building (replaying a change twice is harmless: upserts are idempotent).
//   Every process does this for itself, so several processes on one file answer alike.
// - meilisearch: one shared index; the worker delivers claimed outbox rows and retries failures.
import type { Db } from "../db/client";
import { committeeDocId, committeeToDocument, mediatorDocId, mediatorToDocument } from "./document";
import {
  claimMeiliRows,
  latestOutboxId,
  markMeiliDelivered,
  markMeiliFailed,
  outboxRowsAfter,
  pruneOutbox,
  type OutboxRow,
} from "./outbox";
import { committeeIdsOfMediators, loadCommitteeRecords, loadMediatorRecords } from "./records";
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from "./types";

const PAGE = 5000;

/** Every document of the pool, paged by id. */
export function* allDocuments(db: Db): Generator<SearchDocument[]> {
  let afterId = 0;
  for (;;) {
    const page = loadMediatorRecords(db, { afterId, limit: PAGE });
    if (page.length === 0) break;
    yield page.map(mediatorToDocument);
    afterId = page[page.length - 1].id;
  }
  yield loadCommitteeRecords(db).map(committeeToDocument);
}

/** Applies a batch of outbox rows: re-reads each entity; gone or inactive means delete. */
export async function applyOutboxRows(db: Db, engine: SearchEngine, rows: OutboxRow[]): Promise<void> {
  const mediatorIds = [...new Set(rows.filter((r) => r.entity === "mediator").map((r) => r.entityId))];
  const committeeIds = new Set(rows.filter((r) => r.entity === "committee").map((r) => r.entityId));
  for (const id of committeeIdsOfMediators(db, mediatorIds)) committeeIds.add(id);

  const mediators = loadMediatorRecords(db, { ids: mediatorIds });
  const committees = loadCommitteeRecords(db, { ids: [...committeeIds] });
  const upserts = [...mediators.map(mediatorToDocument), ...committees.map(committeeToDocument)];
  const present = new Set(upserts.map((d) => d.id));
  const deletes = [...mediatorIds.map(mediatorDocId), ...[...committeeIds].map(committeeDocId)].filter((id) => !present.has(id));
  if (upserts.length) await engine.upsert(upserts);
  if (deletes.length) await engine.delete(deletes);
}

export async function reindexAll(db: Db, engine: SearchEngine): Promise<number> {
  await engine.setup();
  await engine.clear();
  let n = 0;
  for (const docs of allDocuments(db)) {
    if (docs.length) await engine.upsert(docs);
    n += docs.length;
  }
  return n;
}

export interface SearchServiceOptions {
  pollMs: number;
  /** Log sink; the default is console.error for failures only. */
  log?: (message: string) => void;
}

export class SearchService {
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private lastPrune = 0;
  ready: Promise<void>;

  constructor(
    private readonly db: Db,
    readonly engine: SearchEngine,
    private readonly options: SearchServiceOptions,
  ) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    if (this.engine.name === "embedded") {
      this.cursor = latestOutboxId(this.db);
      for (const docs of allDocuments(this.db)) if (docs.length) await this.engine.upsert(docs);
    } else if ((await this.engine.count()) === 0) {
      // A fresh Meilisearch index: fill it once; afterwards only the outbox feeds it.
      await reindexAll(this.db, this.engine);
    }
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  /** One round of following the outbox. Public so tests can drive it without waiting. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    const now = Date.now();
    try {
      if (this.engine.name === "embedded") {
        for (;;) {
          const rows = outboxRowsAfter(this.db, this.cursor);
          if (rows.length === 0) break;
          await applyOutboxRows(this.db, this.engine, rows);
          this.cursor = rows[rows.length - 1].id;
        }
      } else {
        const rows = await claimMeiliRows(this.db, now);
        if (rows.length) {
          try {
            await applyOutboxRows(this.db, this.engine, rows);
            await markMeiliDelivered(
              this.db,
              rows.map((r) => r.id),
              Date.now(),
            );
          } catch (error) {
            await markMeiliFailed(
              this.db,
              rows.map((r) => r.id),
              Date.now(),
              String(error),
            );
            this.log(`search outbox: delivery to Meilisearch failed, will retry: ${String(error)}`);
          }
        }
      }
      if (now - this.lastPrune > 60_000) {
        this.lastPrune = now;
        await pruneOutbox(this.db, now, this.engine.name === "meilisearch");
      }
    } catch (error) {
      this.log(`search outbox: ${String(error)}`);
    } finally {
      this.ticking = false;
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.ready;
    return this.engine.search(query);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private log(message: string) {
    (this.options.log ?? console.error)(message);
  }
}
