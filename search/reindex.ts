// Rebuilding the Meilisearch index without anyone seeing it half-built: the documents go into a new
// index `<index>_<time>`, which is swapped in (Meilisearch's atomic index swap) once every task has
// succeeded; the old contents are then deleted. Searches meanwhile read the old index, whole.
import type { Db } from "../db/client";
import { applyOutboxRows, reindexAll } from "./apply";
import type { MeilisearchEngine } from "./meilisearch";
import { latestOutboxId, outboxRowsAfter } from "./outbox";

export interface ReindexReport {
  documents: number;
  /** The name the documents were built under before the swap. */
  builtAs: string;
  ms: number;
}

/**
 * Changes the outbox worker delivers during the rebuild go to the old index. So the outbox cursor is
 * read before the tables, and everything after it is applied to the copy before the swap and to the
 * index again after it (applying is idempotent: it re-reads the current rows).
 */
async function replaySince(db: Db, engine: MeilisearchEngine, cursor: number): Promise<void> {
  for (let after = cursor; ;) {
    const rows = outboxRowsAfter(db, after);
    if (rows.length === 0) return;
    await applyOutboxRows(db, engine, rows);
    after = rows[rows.length - 1].id;
  }
}

export async function reindexBySwap(db: Db, engine: MeilisearchEngine, now: number): Promise<ReindexReport> {
  const started = performance.now();
  const cursor = latestOutboxId(db);
  const builtAs = `${engine.indexName}_${now}`;
  const copy = await engine.sibling(builtAs);
  try {
    // setup() creates the copy with the settings; upsert waits for every task and fails on a failed one.
    const documents = await reindexAll(db, copy);
    await replaySince(db, copy, cursor);
    // Swapping needs both indexes; on a first reindex the live one may not exist yet.
    await engine.ensureIndex();
    await engine.swapInAndDrop(builtAs);
    await replaySince(db, engine, cursor);
    return { documents, builtAs, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // Leave no half-built copy behind; the live index was not touched.
    await copy.deleteIndex().catch(() => {});
    throw error;
  }
}
