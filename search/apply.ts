// From database rows to engine calls: the whole pool (start, reindex, search:check) and the entities
// a batch of outbox rows names. Shared by the embedded follower and the Meilisearch worker.
import type { Db } from "../db/client";
import { committeeDocId, committeeToDocument, mediatorDocId, mediatorToDocument } from "./document";
import type { OutboxRow } from "./outbox";
import { committeeIdsOfMediators, loadCommitteeRecords, loadMediatorRecords } from "./records";
import type { SearchDocument, SearchEngine } from "./types";

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

/** Rebuilds an index in place (the embedded engine, a fresh Meilisearch index nobody searches yet). */
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
