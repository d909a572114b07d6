// The Meilisearch outbox is delivered in id order: a row waiting for its back-off holds back every
// later row (head of line), and a claim leases what it takes so a second process takes nothing.
// No server needed: this is the outbox's bookkeeping, on a real SQLite file.
import { beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { searchOutbox } from "../../db/schema";
import { claimMeiliRows, markMeiliDelivered, markMeiliFailed, recordSearchChange } from "../../search/outbox";
import { freshDatabase } from "./setup-db";

const db = openDb(freshDatabase());
const T = 1_800_000_000_000; // any fixed instant: the outbox compares the times it is given

describe("claimMeiliRows", () => {
  // Each test starts from an outbox with nothing left to deliver (the seed's rows included).
  beforeEach(() => {
    db.update(searchOutbox)
      .set({ meiliDeliveredAt: new Date(T - 1) })
      .run();
  });

  it("takes nothing while the oldest undelivered row waits for its back-off, then the rows in id order", async () => {
    recordSearchChange(db, "mediator", [1, 2, 3]);
    const first = await claimMeiliRows(db, T);
    expect(first.map((r) => r.entityId)).toEqual([1, 2, 3]);
    const ids = first.map((r) => r.id);
    // Leased: another process claiming at the same moment gets nothing.
    expect(await claimMeiliRows(db, T)).toEqual([]);
    // Delivery failed: every row backs off 1 s; a newer change arrives meanwhile.
    await markMeiliFailed(db, ids, T, "connect ECONNREFUSED");
    recordSearchChange(db, "mediator", [4]);
    expect(await claimMeiliRows(db, T + 500)).toEqual([]);
    // The head is due again: the whole run comes back, oldest first, the new row last.
    const again = await claimMeiliRows(db, T + 1_000);
    expect(again.map((r) => r.entityId)).toEqual([1, 2, 3, 4]);
    expect(again.slice(0, 3).map((r) => r.meiliAttempts)).toEqual([1, 1, 1]);
    await markMeiliDelivered(
      db,
      again.map((r) => r.id),
      T + 1_100,
    );
    expect(await claimMeiliRows(db, T + 60_000)).toEqual([]);
  });

  it("stops at the first row that is not due, even when later rows are", async () => {
    recordSearchChange(db, "mediator", [5, 6]);
    const [a, b] = await claimMeiliRows(db, T + 2_000);
    await markMeiliDelivered(db, [a.id], T + 2_000);
    // b failed (its first back-off: 1 s); c is new and due at once, but must not overtake b.
    await markMeiliFailed(db, [b.id], T + 2_000, "task failed");
    recordSearchChange(db, "committee", [7]);
    expect(await claimMeiliRows(db, T + 2_999)).toEqual([]);
    const later = await claimMeiliRows(db, T + 2_000 + 1_001);
    expect(later.map((r) => [r.entity, r.entityId])).toEqual([
      ["mediator", 6],
      ["committee", 7],
    ]);
  });

  it("caps the back-off it is given: an unreachable server is retried within seconds", async () => {
    recordSearchChange(db, "mediator", [8]);
    const rows = await claimMeiliRows(db, T + 10_000);
    const ids = rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) await markMeiliFailed(db, ids, T + 10_000, "connect ECONNREFUSED", 5_000);
    const row = db
      .select()
      .from(searchOutbox)
      .all()
      .find((r) => r.id === ids.at(-1))!;
    expect(row.meiliAttempts).toBe(6);
    expect(row.meiliNextAttemptAt!.getTime()).toBe(T + 10_000 + 5_000);
  });
});
