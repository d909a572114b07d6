// The overlap triggers (migrations 0002/0003) are SQL, so they spell the holding statuses and the
// longest session themselves. This keeps them one with the model: if a status is added to HOLDING or a
// session may last longer than the triggers' look-back, this fails until a migration follows.
import { describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { availabilitySchema } from "./availability-schema";
import { HOLDING } from "./booking-rules";

describe("the overlap triggers speak the model's vocabulary", () => {
  const db = openDb(":memory:");
  migrateDb(db);
  const triggers = db.$client.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'bookings'").all() as {
    name: string;
    sql: string;
  }[];

  it("guards inserts and updates", () => {
    expect(triggers.map((t) => t.name).sort()).toEqual(["bookings_no_overlap_insert", "bookings_no_overlap_update"]);
  });

  it("holds exactly the statuses the model holds a slot for", () => {
    const held = `IN (${HOLDING.map((s) => `'${s}'`).join(", ")})`;
    for (const t of triggers) {
      const lists = t.sql.match(/IN \([^)]*\)/g) ?? [];
      expect(lists.length).toBeGreaterThan(0);
      expect(new Set(lists)).toEqual(new Set([held]));
    }
  });

  it("looks back at least as far as the longest session a mediator may set", () => {
    const longest = (availabilitySchema.shape.sessionMinutes as unknown as { maxValue: number }).maxValue;
    for (const t of triggers) {
      const lookBack = Number(t.sql.match(/NEW\.start_at - (\d+)/)![1]);
      expect(lookBack).toBeGreaterThanOrEqual(longest * 60_000);
    }
  });
});
