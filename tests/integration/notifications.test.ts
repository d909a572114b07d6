// The notification outbox's sender: each row is sent once even when several senders run side by side
// (every server process runs one), and a failed send is recorded and tried again later.
import { isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { notifications } from "../../db/schema";
import { createParty } from "../factories";

const file = freshDatabase();
const { deliverPending: deliver, notifyUser, DELIVERY_LEASE_MS } = await import("~/models/notifications.server");
const db = openDb(file);
const party = createParty(db, { phone: null });

type Provider = Parameters<typeof deliver>[0]["provider"];
/** The sender under test, with a fixed text: rendering is the catalogue's business, tested there. */
const deliverPending = (provider: Provider, limit: number, now: number) =>
  deliver({ db, provider, render: () => ({ subject: "测试", body: "正文" }), now, limit });

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
  // One email each (the party has no phone): thirty rows.
  for (let i = 0; i < 30; i++) notifyUser(db, party.user.id, { template: "booking.confirmed", params: { n: i }, at: Date.now() });
});

describe("deliverPending", () => {
  it("two senders at once send every notification exactly once", async () => {
    const provider = recorder();
    const now = Date.now();
    const pending = db.select().from(notifications).where(isNull(notifications.deliveredAt)).all().length;
    expect(pending).toBe(30);
    const counts = await Promise.all([
      deliverPending(provider, 20, now),
      deliverPending(provider, 20, now),
      deliverPending(provider, 20, now),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pending);
    expect(provider.sent).toHaveLength(pending);
    expect(new Set(provider.sent).size).toBe(pending);
    expect(db.select().from(notifications).where(isNull(notifications.deliveredAt)).all()).toHaveLength(0);
  });

  it("a failed send is recorded, not retried at once, and retried after its back-off", async () => {
    const now = Date.now();
    const down = recorder(0, () => true);
    const first = await deliverPending(down, 100, now);
    expect(first).toBe(30);
    const failed = db.select().from(notifications).all();
    for (const n of failed) {
      expect(n.deliveredAt).toBeNull();
      expect(n.attempts).toBe(1);
      expect(n.lastError).toContain("provider down");
      expect(n.leaseUntil).toBeGreaterThan(now);
    }
    const up = recorder(0);
    expect(await deliverPending(up, 100, now + 1000)).toBe(0);
    expect(await deliverPending(up, 100, now + 60_000)).toBe(first);
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
    void deliverPending({ send: () => new Promise<void>(() => {}) }, 100, now);
    await new Promise((r) => setTimeout(r, 20));
    const other = recorder(0);
    expect(await deliverPending(other, 100, now + 1000)).toBe(0);
    expect(await deliverPending(other, 100, now + DELIVERY_LEASE_MS + 1)).toBe(30);
    expect(db.select().from(notifications).where(isNull(notifications.deliveredAt)).all()).toHaveLength(0);
  });
});
