// The demo seed's booking settings: the short-notice mediators confirm at once (ADR 029: a time that
// close cannot wait for an answer), and the demo account's own mediator does not.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "./client";
import { prepareDatabase } from "./seed";

describe("demo seed settings", () => {
  it("makes every other short-notice mediator confirm at once, and only them", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "seed-settings-")), "app.db");
    prepareDatabase(file, { demoAccounts: false, history: 0 });
    const db = openDb(file);
    const rows = db.$client
      .prepare(
        `select s.instant_confirm as instant, s.min_notice_hours as notice, m.id = (select min(id) from mediators where listed = 1) as first
         from availability_settings s join mediators m on m.id = s.mediator_id where m.listed = 1`,
      )
      .all() as { instant: number; notice: number; first: number }[];
    const instant = rows.filter((r) => r.instant === 1);
    expect(instant.length).toBeGreaterThanOrEqual(10);
    expect(instant.every((r) => r.notice === 4)).toBe(true);
    expect(rows.find((r) => r.first === 1)).toMatchObject({ instant: 0 });
    db.$client.close();
  });
});
