// The notification outbox's sender: each row is sent once even when several senders run side by side
// (every server process runs one), and a failed send is recorded and tried again later.
import { isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { notifications } from "../../db/schema";

const file = freshDatabase();
const { deliverPending, notifyUser, DELIVERY_LEASE_MS } = await import("~/models/notifications.server");
const db = openDb(file);

type Row = typeof notifications.$inferSelect;

/** A provider that records what it was asked to send, taking `ms` to send each. */
function recorder(ms = 5, fail: (n: Row) => boolean = () => false) {
  const sent: number[] = [];
  return {
    sent,
    send: async (n: Row) => {
      await new Promise((r) => setTimeout(r, ms));
      if (fail(n)) throw new Error("provider down");
      sent.push(n.id);
    },
  };
}

beforeEach(() => {
  db.delete(notifications).run();
  for (let i = 0; i < 30; i++) notifyUser(db, 1, { subject: `测试 ${i}`, body: "正文" });
});

describe("deliverPending", () => {
  it("two senders at once send every notification exactly once", async () => {
    const provider = recorder();
    const pending = db.select().from(notifications).where(isNull(notifications.deliveredAt)).all().length;
    expect(pending).toBeGreaterThanOrEqual(30);
    const counts = await Promise.all([
      deliverPending(db, provider, 20),
      deliverPending(db, provider, 20),
      deliverPending(db, provider, 20),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pending);
    expect(provider.sent).toHaveLength(pending);
    expect(new Set(provider.sent).size).toBe(pending);
    expect(db.select().from(notifications).where(isNull(notifications.deliveredAt)).all()).toHaveLength(0);
  });

  it("a failed send is recorded, not retried at once, and retried after its back-off", async () => {
    const now = Date.now();
    const down = recorder(0, () => true);
    const first = await deliverPending(db, down, 100, now);
    expect(first).toBeGreaterThan(0);
    const failed = db.select().from(notifications).all();
    for (const n of failed) {
      expect(n.deliveredAt).toBeNull();
      expect(n.attempts).toBe(1);
      expect(n.lastError).toContain("provider down");
      expect(n.leaseUntil).toBeGreaterThan(now);
    }
    const up = recorder(0);
    expect(await deliverPending(db, up, 100, now + 1000)).toBe(0);
    expect(await deliverPending(db, up, 100, now + 60_000)).toBe(first);
    expect(db.select().from(notifications).where(isNull(notifications.deliveredAt)).all()).toHaveLength(0);
    expect(
      db
        .select()
        .from(notifications)
        .all()
        .every((n) => n.attempts === 2 && n.leaseUntil === null),
    ).toBe(true);
  });

  it("rows held by a sender that died are sent by another once the lease runs out", async () => {
    const now = Date.now();
    // A sender claims and never comes back: its provider never settles.
    void deliverPending(db, { send: () => new Promise<void>(() => {}) }, 100, now);
    await new Promise((r) => setTimeout(r, 20));
    const other = recorder(0);
    expect(await deliverPending(db, other, 100, now + 1000)).toBe(0);
    expect(await deliverPending(db, other, 100, now + DELIVERY_LEASE_MS + 1)).toBeGreaterThan(0);
    expect(db.select().from(notifications).where(isNull(notifications.deliveredAt)).all()).toHaveLength(0);
  });
});
