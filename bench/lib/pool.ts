// A generated pool (db/demo-pool.ts) as search documents, the way the app indexes it: mediators get
// ids 1..N in pool order, committees 1..12 with their members' records, and no one has a known next
// free slot yet (as search/records.ts says until the booking issue lands).
import { generatePool, type DemoPool } from "../../db/demo-pool";
import { committeeToDocument, mediatorToDocument, type MediatorRecord } from "../../search/document";
import type { SearchDocument } from "../../search/types";

const NO_RECORD = { closed: 0, mediated: 0, agreements: 0, score: 0 };

export interface BenchPool {
  pool: DemoPool;
  documents: SearchDocument[];
  mediators: number;
  committees: number;
}

export function benchPool(scale: number): BenchPool {
  const pool = generatePool({ scale });
  const records: MediatorRecord[] = pool.mediators.map((m, i) => ({
    id: i + 1,
    kind: m.kind,
    name: m.name,
    namePinyin: m.namePinyin,
    title: m.title,
    organisation: m.organisation,
    bio: m.bio,
    yearsOfExperience: m.yearsOfExperience,
    // Records come from case rows now; the generated pool has none (db/demo-history.ts makes the demo's).
    record: NO_RECORD,
    categories: [...m.categories],
    towns: [...m.towns],
    modes: [...m.modes],
    languages: [...m.languages],
    nextAvailableAt: null,
  }));
  const documents = records.map(mediatorToDocument);
  pool.committees.forEach((c, i) =>
    documents.push(
      committeeToDocument({
        id: i + 1,
        name: c.name,
        namePinyin: c.namePinyin,
        description: c.description,
        organisation: c.organisation,
        categories: [...c.categories],
        record: NO_RECORD,
        members: c.memberIndexes.map((mi) => records[mi]),
      }),
    ),
  );
  return { pool, documents, mediators: records.length, committees: pool.committees.length };
}
