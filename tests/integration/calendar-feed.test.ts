// A mediator's private calendar feed (issue 11, ADR 031): made with a token shown once and kept as its
// SHA-256, read by a calendar app at /calendar/<token>.ics (their sessions of the window, none of a
// party's personal data), 404 once revoked or replaced or when unknown, 429 past the read limit.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookings, calendarFeeds } from "../../db/schema";
import { createMediator, createParty } from "../factories";
import { bookedSession } from "../factories-messages";
import { parseIcs, prop } from "../ics-parse";

const file = freshDatabase();
const feedRoute = await import("~/routes/calendar.$token");
const { createFeed, revokeFeed, feedOf, FEED_READS } = await import("~/models/calendar-feed.server");
const db = openDb(file);

const HOUR = 3_600_000;
const now = Date.now();
const base = Math.ceil(now / HOUR) * HOUR;
const party = createParty(db, { name: "周海燕", phone: "13700137000" });
const m = createMediator(db, { now: now - 60 * 24 * HOUR, account: true });
const other = createMediator(db, { now: now - 60 * 24 * HOUR, account: true });
const mine = [
  bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: base + 2 * 24 * HOUR, madeAt: now - HOUR, mode: "centre" }),
  bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: base + 3 * 24 * HOUR, madeAt: now - HOUR, status: "pending" }),
  bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: base - 5 * 24 * HOUR, madeAt: now - 9 * 24 * HOUR }),
];
// Outside the window (two months back), and another mediator's: neither is listed.
const old = bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: base - 60 * 24 * HOUR, madeAt: now - 70 * 24 * HOUR });
bookedSession(db, { partyUserId: party.user.id, mediatorId: other.id, start: base + 2 * 24 * HOUR, madeAt: now - HOUR });
db.update(bookings).set({ contactPhone: "13600136000" }).where(eq(bookings.id, mine[0].id)).run();

let address = 0;
/** Each read from its own address unless told, so the per-address limit stays out of the way. */
const read = (token: string, from = `10.0.0.${++address}`) =>
  call(feedRoute, `/calendar/${token}.ics`, { params: { token: `${token}.ics` }, context: { clientAddress: from } });

describe("a mediator's calendar feed", () => {
  it("lists the mediator's sessions of the window, without the party's name or phones, and keeps only the token's hash", async () => {
    const { token } = await createFeed({ user: m.account!.user, now });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const rows = db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, m.account!.user.id)).all();
    expect(rows.map((r) => r.tokenHash)).toEqual([crypto.createHash("sha256").update(token).digest("hex")]);

    const res = await read(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const { events, unfolded } = parseIcs(res.text);
    expect(unfolded).toContain("X-WR-CALNAME:调解点单 · 我的调解日程");
    expect(events.map((e) => prop(e, "UID"))).toEqual([mine[2], mine[0], mine[1]].map((b) => `booking-${b.id}@test.local`));
    expect(events.map((e) => prop(e, "STATUS"))).toEqual(["CONFIRMED", "CONFIRMED", "TENTATIVE"]);
    expect(res.text).not.toContain(String(old.id) + "@");
    for (const secret of [party.user.name, "13700137000", "13600136000"]) expect(res.text).not.toContain(secret);
    expect(prop(events[1], "DESCRIPTION")).toContain(`查看、改期或取消：http://localhost:3000/bookings/${mine[0].id}`);
    // The route reads the clock: the read is stamped at or after this test's `now`.
    expect(feedOf({ user: m.account!.user })!.lastUsedAt).toBeGreaterThanOrEqual(now);
  });

  it("stops at once when revoked, and a new address replaces the old one", async () => {
    const first = await createFeed({ user: m.account!.user, now });
    expect((await read(first.token)).status).toBe(200);
    const second = await createFeed({ user: m.account!.user, now });
    expect((await read(first.token)).status).toBe(404);
    expect((await read(second.token)).status).toBe(200);
    expect(await revokeFeed({ user: m.account!.user, now })).toBe(1);
    expect((await read(second.token)).status).toBe(404);
    expect(feedOf({ user: m.account!.user })).toBeNull();
    expect(await revokeFeed({ user: m.account!.user, now })).toBe(0);
  });

  it("answers 404 to an unknown or malformed token", async () => {
    expect((await read("A".repeat(32))).status).toBe(404);
    const malformed = await call(feedRoute, "/calendar/x.ics", {
      params: { token: "not-a-token" },
      context: { clientAddress: "10.1.0.1" },
    });
    expect(malformed.status).toBe(404);
  });

  it("is a mediator's only: a party may not make one", async () => {
    await expect(createFeed({ user: party.user, now })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("limits the reads of one feed, and the guesses of one address", async () => {
    const { token } = await createFeed({ user: other.account!.user, now });
    const statuses: number[] = [];
    for (let i = 0; i <= FEED_READS.max; i++) statuses.push((await read(token)).status);
    expect(statuses.slice(0, FEED_READS.max).every((s) => s === 200)).toBe(true);
    const limited = await read(token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
