// "Tell me if an earlier time opens" (issue 11, ADR 030): a party's entry over a range of days, the
// job that tells them of an opening once (an injected clock: every call is handed `now`), across two
// connections as two server processes would run it, and the /waitlist form's redirects.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb, writeTransaction } from "../../db/client";
import { notifications, waitlistEntries } from "../../db/schema";
import { at, createBooking, createMediator, createParty, localDate } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const { cancelWaitlist, joinWaitlist, listWaitlist, notifyOpenings, runWaitlist, WAITLIST_EVERY_MS } =
  await import("~/models/waitlist.server");
const { cancelBooking } = await import("~/models/booking-actions.server");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const route = await import("~/routes/waitlist");
const { env } = await import("~/env.server");

/** A mediator with one online hour a day (09:00–10:00), that hour on day 3 booked: the range is full. */
function world(now: number) {
  const m = createMediator(db, { modes: ["online"], weekly: { start: "09:00", end: "10:00" }, now });
  const holder = createParty(db, { now });
  const booked = createBooking(db, { partyUserId: holder.user.id, mediatorId: m.id, start: at(now, 3, "09:00"), status: "confirmed", now });
  const waiting = createParty(db, { now });
  const range = { subject: "mediator", id: m.id, from: localDate(now, 3), to: localDate(now, 3) };
  return { m, holder, booked, waiting, range };
}

const told = (userId: number) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.template, "waitlist.opening")))
    .all();
const run = (now: number) => writeTransaction(db, (tx) => notifyOpenings(tx, now));

describe("the waitlist job", () => {
  it("tells the party once when a cancellation opens a time in their range; a second run tells nobody", async () => {
    const now = Date.now();
    const w = world(now);
    const { freeNow } = await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    expect(freeNow).toBe(null);
    expect(await run(now)).toBe(0);
    await cancelBooking({ user: w.holder.user, id: w.booked.id, reason: "另有安排", now: now + 60_000 });
    expect(await run(now + 120_000)).toBe(1);
    expect(await run(now + 180_000)).toBe(0);
    const [row] = told(w.waiting.user.id);
    expect([told(w.waiting.user.id).length, row.params!.start, row.params!.link]).toEqual([
      1,
      at(now, 3, "09:00"),
      `${env().PUBLIC_URL}/mediators/${w.m.id}/book?from=${localDate(now, 3)}`,
    ]);
    expect(listWaitlist({ user: w.waiting.user, now: now + 180_000 })[0].notifiedStartAt).toBe(at(now, 3, "09:00"));
  });

  it("two processes running it side by side tell the opening once", async () => {
    const now = Date.now();
    const w = world(now);
    await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    await cancelBooking({ user: w.holder.user, id: w.booked.id, reason: "另有安排", now });
    const other = openDb(file);
    const counts = await Promise.all([run(now + 1000), writeTransaction(other, (tx) => notifyOpenings(tx, now + 1000))]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(told(w.waiting.user.id).length).toBe(1);
  });

  it("the background step looks at most every WAITLIST_EVERY_MS: an opening is told on the next look", async () => {
    const now = Date.now();
    const w = world(now);
    await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    expect(await runWaitlist(db, now)).toBe(0);
    await cancelBooking({ user: w.holder.user, id: w.booked.id, reason: "另有安排", now });
    expect(await runWaitlist(db, now + WAITLIST_EVERY_MS - 1)).toBe(0);
    expect(await runWaitlist(db, now + WAITLIST_EVERY_MS)).toBe(1);
  });

  it("a cancelled entry is not told", async () => {
    const now = Date.now();
    const w = world(now);
    const { entry } = await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    await cancelWaitlist({ user: w.waiting.user, id: entry.id, now });
    await cancelBooking({ user: w.holder.user, id: w.booked.id, reason: "另有安排", now });
    await run(now + 1000);
    expect(told(w.waiting.user.id).length).toBe(0);
    expect(listWaitlist({ user: w.waiting.user, now })).toEqual([]);
  });

  it("a time already free when the party joins is the baseline: only an earlier one is told", async () => {
    const now = Date.now();
    const w = world(now);
    const range = { ...w.range, to: localDate(now, 4) };
    const { freeNow } = await joinWaitlist({ user: w.waiting.user, input: range, now });
    expect(freeNow).toBe(at(now, 4, "09:00"));
    expect(await run(now + 1000)).toBe(0);
    await cancelBooking({ user: w.holder.user, id: w.booked.id, reason: "另有安排", now });
    expect(await run(now + 2000)).toBe(1);
    expect(told(w.waiting.user.id)[0].params!.start).toBe(at(now, 3, "09:00"));
  });

  it("someone else's entry cannot be cancelled, and the same range asked twice is one entry", async () => {
    const now = Date.now();
    const w = world(now);
    const first = await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    const again = await joinWaitlist({ user: w.waiting.user, input: w.range, now });
    expect(again.entry.id).toBe(first.entry.id);
    await expect(cancelWaitlist({ user: w.holder.user, id: first.entry.id, now })).rejects.toMatchObject({ code: "not_found" });
    expect(db.select().from(waitlistEntries).where(eq(waitlistEntries.id, first.entry.id)).get()!.cancelledAt).toBe(null);
  });
});

describe("the /waitlist form", () => {
  async function poster(userId: number, now: number) {
    const { secret } = await createSession(userId, "cookie", now);
    return (fields: Record<string, string>, csrf = true) =>
      route
        .action({
          request: new Request("http://test.local/waitlist", {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
            body: new URLSearchParams(csrf ? { csrf: csrfTokenFor(secret), ...fields } : fields),
          }),
          params: {},
          context: {},
        })
        .catch((thrown: unknown) => thrown) as Promise<Response>;
  }

  it("joins and goes back to the booking page, says a wrong range there, and refuses a post without the token", async () => {
    const now = Date.now();
    const w = world(now);
    const post = await poster(w.waiting.user.id, now);
    const next = `/mediators/${w.m.id}/book?from=${w.range.from}`;
    expect((await post({ ...w.range, id: String(w.m.id), next }, false)).status).toBe(403);
    const joined = await post({ ...w.range, id: String(w.m.id), next });
    expect(joined.headers.get("Location")).toBe(`/mediators/${w.m.id}/book?from=${w.range.from}&waitlist=joined#waitlist`);
    const wrong = await post({ ...w.range, id: String(w.m.id), from: localDate(now, 5), next: "https://evil.example/" });
    expect(wrong.headers.get("Location")).toBe(`/bookings?waitlist=order&wfrom=${localDate(now, 5)}&wto=${w.range.to}#waitlist`);
    const [entry] = listWaitlist({ user: w.waiting.user, now });
    const cancelled = await post({ intent: "cancel", id: String(entry.id) });
    expect(cancelled.headers.get("Location")).toBe("/bookings?waitlist=cancelled#waitlist");
    expect(listWaitlist({ user: w.waiting.user, now })).toEqual([]);
  });
});
