// search:check: does Meilisearch hold exactly what the database says? Every document built from the
// tables (the embedded engine's documents, in Meilisearch's stored form) against every document
// Meilisearch returns: ids only on one side, and fields that differ. One difference is expected and
// reported apart: an outcome moves the pool's rates, so every document's small-sample-safe `score`
// moves a little without an outbox row of its own (ADR 014); a score within SCORE_DRIFT of the
// database's is drift, refreshed at the next start or `search:reindex` (ADR 037), not a disagreement.
import type { Db } from "../db/client";
import { allDocuments } from "./apply";
import { toMeiliDocument } from "./meilisearch/documents";

export interface DocumentSource {
  documents(): AsyncIterable<Record<string, unknown>[]>;
}

export interface CheckReport {
  expected: number;
  indexed: number;
  /** In the database, not in Meilisearch. */
  missing: string[];
  /** In Meilisearch, not in the database (deleted or deactivated, and the deletion not delivered). */
  extra: string[];
  /** In both, with these fields different. */
  differing: { id: string; fields: string[] }[];
  /** In both, differing only in a `score` within SCORE_DRIFT of the database's: how many, the largest gap. */
  drift: { documents: number; largest: number };
  agrees: boolean;
}

/** How far an indexed score may lag the database's before it is a disagreement (scores are 0–1). */
export const SCORE_DRIFT = 0.02;

/**
 * Arrays compare as multisets: their order carries no meaning to either engine, and it is not stable
 * (search/records.ts reads a committee's members without an ORDER BY, so a batch of a few ids and the
 * whole pool can list them differently, and `characters` follows that order).
 */
const canonical = (v: unknown) => (Array.isArray(v) ? JSON.stringify(v.map((x) => JSON.stringify(x)).sort()) : JSON.stringify(v));
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export async function checkIndex(db: Db, index: DocumentSource): Promise<CheckReport> {
  const expected = new Map<string, Record<string, unknown>>();
  for (const page of allDocuments(db)) for (const doc of page) expected.set(doc.id, toMeiliDocument(doc) as Record<string, unknown>);
  const seen = new Set<string>();
  const extra: string[] = [];
  const differing: CheckReport["differing"] = [];
  const drift = { documents: 0, largest: 0 };
  for await (const page of index.documents()) {
    for (const actual of page) {
      const id = String(actual.id);
      seen.add(id);
      const want = expected.get(id);
      if (!want) {
        extra.push(id);
        continue;
      }
      const fields = [...new Set([...Object.keys(want), ...Object.keys(actual)])].filter((f) => !same(want[f], actual[f])).sort();
      const gap = Math.abs(Number(want.score) - Number(actual.score));
      if (fields.length === 1 && fields[0] === "score" && gap <= SCORE_DRIFT) {
        drift.documents += 1;
        drift.largest = Math.max(drift.largest, gap);
      } else if (fields.length) differing.push({ id, fields });
    }
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id));
  return {
    expected: expected.size,
    indexed: seen.size,
    missing,
    extra,
    differing,
    drift,
    agrees: missing.length === 0 && extra.length === 0 && differing.length === 0,
  };
}

const sample = (ids: string[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(", ")} … (${ids.length})` : ids.join(", "));

/** A few lines for a terminal. */
export function formatCheckReport(indexName: string, r: CheckReport): string {
  const lines = [`index "${indexName}": ${r.indexed} documents in Meilisearch, ${r.expected} from the database`];
  if (r.missing.length) lines.push(`missing from Meilisearch: ${sample(r.missing)}`);
  if (r.extra.length) lines.push(`in Meilisearch only: ${sample(r.extra)}`);
  for (const d of r.differing.slice(0, 10)) lines.push(`differs: ${d.id} (${d.fields.join(", ")})`);
  if (r.differing.length > 10) lines.push(`… ${r.differing.length - 10} more documents differ`);
  if (r.drift.documents)
    lines.push(
      `scores drifted (the pool's rates moved since they were indexed): ${r.drift.documents}, by ${r.drift.largest.toFixed(4)} at most; npm run search:reindex refreshes them`,
    );
  lines.push(
    r.agrees ? "agreement: every document matches" : "DISAGREEMENT: run npm run search:reindex, or wait for the outbox and check again",
  );
  return lines.join("\n");
}
