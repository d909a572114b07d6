// The guarantee under load: 100 simultaneous requests for one slot, split across two server processes
// sharing one database file, yield exactly one booking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { ensureBuilt, startServer, type RunningServer } from "./server";

const file = freshDatabase();
let servers: RunningServer[] = [];

beforeAll(async () => {
  ensureBuilt();
  servers = await Promise.all([0, 1].map(() => startServer({ DATABASE_PATH: file })));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function token(server: RunningServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "demo12345" }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe("a race for one slot", () => {
  it("100 requests from two processes: exactly one 201, the rest 409", async () => {
    const [a, b] = servers;
    const tokens = [await token(a, "party@example.com"), await token(b, "party2@example.com")];
    const slotsRes = await fetch(`${a.url}/api/v1/mediators/1/slots?mode=online`);
    const { slots } = (await slotsRes.json()) as { slots: { start: string }[] };
    expect(slots.length).toBeGreaterThan(0);
    const body = JSON.stringify({
      mediatorId: 1,
      start: slots[0].start,
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
      const after = (await (await fetch(`${s.url}/api/v1/mediators/1/slots?mode=online`)).json()) as { slots: { start: string }[] };
      expect(after.slots.map((x) => x.start)).not.toContain(slots[0].start);
    }
  });
});
