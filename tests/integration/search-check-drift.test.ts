// search:check's comparison (ADR 037): a document whose only difference is a `score` within SCORE_DRIFT
// of the database's is drift (counted, the largest gap reported, still agreeing); a larger gap, or a
// score beside another field, is a disagreement. The index here is the database's own documents in
// Meilisearch's stored form, altered: the comparison is what is under test (the real server's side is
// in meili-tools.test.ts and meili-outage.test.ts).
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { allDocuments } from "../../search/apply";
import { checkIndex, formatCheckReport, SCORE_DRIFT } from "../../search/check";
import { toMeiliDocument } from "../../search/meilisearch/documents";

const db = openDb(freshDatabase());

/** The database's documents as an index would hold them, with `alter` applied to some. */
function indexOf(alter: (doc: Record<string, unknown>, i: number) => void) {
  const docs = [...allDocuments(db)].flat().map((d) => ({ ...(toMeiliDocument(d) as Record<string, unknown>) }));
  docs.forEach(alter);
  return {
    async *documents() {
      yield docs;
    },
  };
}
/** Moves a score by `by`, down when up would leave 0–1. */
const nudge = (doc: Record<string, unknown>, by: number) => {
  const score = Number(doc.score);
  doc.score = score + by <= 1 ? score + by : score - by;
};

describe("search:check and the pool's score drift", () => {
  it("counts scores within the bound as drift and still agrees", async () => {
    const report = await checkIndex(
      db,
      indexOf((d, i) => {
        if (i < 3) nudge(d, i === 0 ? SCORE_DRIFT / 2 : SCORE_DRIFT / 4);
      }),
    );
    expect(report).toMatchObject({ missing: [], extra: [], differing: [], agrees: true });
    expect(report.drift.documents).toBe(3);
    expect(report.drift.largest).toBeCloseTo(SCORE_DRIFT / 2, 9);
    expect(formatCheckReport("mediators", report)).toMatch(/scores drifted .*: 3, by 0\.0100 at most/);
  });

  it("a score beyond the bound, or beside another field, disagrees", async () => {
    const report = await checkIndex(
      db,
      indexOf((d, i) => {
        if (i === 0) nudge(d, SCORE_DRIFT * 2);
        if (i === 1) {
          nudge(d, SCORE_DRIFT / 4);
          d.title = "改过的职称";
        }
      }),
    );
    expect(report.agrees).toBe(false);
    expect(report.differing.map((d) => d.fields)).toEqual([["score"], ["score", "title"]]);
    expect(report.drift.documents).toBe(0);
  });

  it("an index equal to the database has no drift", async () => {
    const report = await checkIndex(
      db,
      indexOf(() => {}),
    );
    expect(report).toMatchObject({ agrees: true, differing: [], drift: { documents: 0, largest: 0 } });
    expect(formatCheckReport("mediators", report)).not.toMatch(/drifted/);
  });
});
