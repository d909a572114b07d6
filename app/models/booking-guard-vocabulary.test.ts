// The overlap triggers (migrations 0002/0003, moved to participants by 0015) are SQL, so they spell the
// holding statuses and the longest session themselves. This keeps them one with the model: if a status
// is added to HOLDING or a session may last longer than the triggers' look-back, this fails until a
// migration follows.
import { describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { availabilitySchema } from "./availability-schema";
import { HOLDING } from "./booking-rules";
import { MAX_PANEL_MINUTES } from "./panel-schemas";

describe("the overlap triggers speak the model's vocabulary", () => {
  const db = openDb(":memory:");
  migrateDb(db);
  const triggers = db.$client
    .prepare("select name, tbl_name as tbl, sql from sqlite_master where type = 'trigger' and tbl_name in ('bookings', 'booking_participants')")
    .all() as { name: string; tbl: string; sql: string }[];
  const guards = triggers.filter((t) => t.name.includes("no_overlap"));

  it("guards inserts and updates of bookings (rooms) and participants (people), and keeps participants in step", () => {
    expect(triggers.map((t) => t.name).sort()).toEqual([
      "booking_participants_no_overlap_insert",
      "booking_participants_no_overlap_update",
      "bookings_no_overlap_insert",
      "bookings_no_overlap_update",
      "bookings_participant_insert",
      "bookings_participant_update",
    ]);
  });

  it("holds exactly the statuses the model holds a slot for", () => {
    const held = `IN (${HOLDING.map((s) => `'${s}'`).join(", ")})`;
    const spelled = triggers.filter((t) => t.tbl === "bookings");
    expect(spelled).toHaveLength(4);
    for (const t of spelled) {
      const lists = t.sql.match(/IN \([^)]*\)/g) ?? [];
      expect(lists.length).toBeGreaterThan(0);
      expect(new Set(lists)).toEqual(new Set([held]));
    }
  });

  it("looks back at least as far as the longest session a mediator may set or a panel may last", () => {
    const longest = Math.max((availabilitySchema.shape.sessionMinutes as unknown as { maxValue: number }).maxValue, MAX_PANEL_MINUTES);
    expect(guards).toHaveLength(4);
    for (const t of guards) {
      const lookBack = Number(t.sql.match(/NEW\.start_at - (\d+)/)![1]);
      expect(lookBack).toBeGreaterThanOrEqual(longest * 60_000);
    }
  });
});
