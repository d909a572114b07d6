// The guarantee under load: 100 simultaneous requests for one slot, split across two server processes
// sharing one database file, yield exactly one booking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { ensureBuilt, startServer, type RunningServer } from "./server";
import { openDb } from "../../db/client";
import { createParty, createMediator, firstFreeSlot, type Account, type MediatorFixture } from "../factories";

const file = freshDatabase();
const db = openDb(file);
let servers: RunningServer[] = [];
let m: MediatorFixture;
let parties: Account[] = [];

beforeAll(async () => {
  m = createMediator(db, { modes: ["online"], categories: ["neighbourhood"], now: Date.now() });
  parties = [createParty(db), createParty(db)];
  ensureBuilt();
  servers = await Promise.all([0, 1].map(() => startServer({ DATABASE_PATH: file })));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe("a race for one slot", () => {
  it("100 requests from two processes: exactly one 201, the rest 409", async () => {
    const tokens = parties.map((p) => p.token);
    const slot = firstFreeSlot(db, m.id, { now: Date.now(), mode: "online" });
    const body = JSON.stringify({
      mediatorId: m.id,
      start: slot.start,
      mode: "online",
      category: "neighbourhood",
      summary: "邻居装修噪音扰民",
    });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${servers[i % 2].url}/api/v1/bookings`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${tokens[i % 2]}` },
          body,
        }).then((r) => r.status),
      ),
    );
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(201)).toBe(1);
    expect(count(409)).toBe(99);
    // Both processes now agree the slot is gone.
    for (const s of servers) {
      const after = (await (await fetch(`${s.url}/api/v1/mediators/${m.id}/slots?mode=online`)).json()) as { slots: { start: string }[] };
      expect(after.slots.map((x) => x.start)).not.toContain(slot.start);
    }
  });
});
