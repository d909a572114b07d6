// The booking journey (issue 11) against a real database, with `now` passed in: a time held while a
// visitor signs in, a confirmed session that keeps its time until its move is confirmed, the mediator's
// proposed time, every input error in one answer, the answer deadline with instant confirmation, and
// the party's contact details seen only by them and their confirmed mediator. Data from factories;
// every expectation holds on any date.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookings, notifications, slotHolds } from "../../db/schema";
import { createBooking, createMediator, createParty, createStaff, freeSlots } from "../factories";
import { makeInstant } from "../factories-journey";

const file = freshDatabase();
const db = openDb(file);
const { createBooking: order } = await import("~/models/booking-create.server");
const { rescheduleBooking, confirmBooking, declineBooking, proposeTime, answerProposal, cancelBooking } = await import(
  "~/models/booking-actions.server"
);
const { getBooking } = await import("~/models/bookings.server");
const { placeHold, holdFor } = await import("~/models/slot-holds.server");
const { listSlots } = await import("~/models/slots-query.server");
const { createBookingSchema } = await import("~/models/booking-schemas");
const bookingsRoute = await import("~/routes/api.v1.bookings");
const bookingRoute = await import("~/routes/api.v1.bookings.$id");
const bookPage = await import("~/routes/mediators.$id_.book");
const proposeRoute = await import("~/routes/api.v1.bookings.$id.propose");
const proposalRoute = await import("~/routes/api.v1.bookings.$id.proposal");
const rescheduleRoute = await import("~/routes/api.v1.bookings.$id.reschedule");

const HOUR = 3_600_000;
const MIN = 60_000;
const input = (mediatorId: number, start: string, extra: Record<string, unknown> = {}) => ({
  mediatorId,
  start,
  mode: "online" as const,
  category: "labour" as const,
  summary: "拖欠工资三个月，希望调解",
  ...extra,
});
const freeStarts = (mediatorId: number, now: number, holder?: string) =>
  listSlots({ kind: "mediator", id: mediatorId, query: {}, now, holder })!.slots.map((s) => Date.parse(s.start));
const templatesTo = (userId: number) =>
  db
    .select({ t: notifications.template })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all()
    .map((r) => r.t);

describe("a time held while a visitor signs in", () => {
  it("is busy for everyone else, refused to them, and consumed by its holder's booking", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const key = "visitor-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const hold = await placeHold({ subject: { kind: "mediator", id: m.id }, start: slot.startMs, key, now });
    expect(hold.expiresAt).toBe(now + 10 * MIN);

    // The table keeps the key's hash, never the key.
    const row = db.select().from(slotHolds).where(eq(slotHolds.mediatorId, m.id)).get()!;
    expect(row.holderHash).not.toContain(key);
    expect(row.holderHash).toMatch(/^[0-9a-f]{64}$/);

    expect(freeStarts(m.id, now)).not.toContain(slot.startMs);
    expect(freeStarts(m.id, now, key)).toContain(slot.startMs);
    expect(holdFor({ subject: { kind: "mediator", id: m.id }, key, now })?.start).toBe(slot.startMs);
    expect(holdFor({ subject: { kind: "mediator", id: m.id }, key: "someone-else-bbbbbbbbbbbbbbbbbbbbbbb", now })).toBeNull();

    // Another party cannot book it, nor hold it.
    const other = createParty(db);
    await expect(order({ party: other.user, input: input(m.id, slot.start), now })).rejects.toMatchObject({ code: "slot_taken" });
    await expect(
      placeHold({ subject: { kind: "mediator", id: m.id }, start: slot.startMs, key: "someone-else-bbbbbbbbbbbbbbbbbbbbbbb", now }),
    ).rejects.toMatchObject({ code: "slot_taken" });

    // The holder, signed in, books it: the hold is used up.
    const holder = createParty(db);
    const { booking } = await order({ party: holder.user, input: input(m.id, slot.start), now: now + 3 * MIN, holder: key });
    expect(booking.status).toBe("pending");
    expect(db.select().from(slotHolds).where(eq(slotHolds.mediatorId, m.id)).all()).toHaveLength(0);
  });

  it("stops counting when it expires: the time is free again and bookable by anyone", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    await placeHold({ subject: { kind: "mediator", id: m.id }, start: slot.startMs, key: "expiring-key-cccccccccccccccccccccc", now });
    const later = now + 10 * MIN;
    expect(freeStarts(m.id, later)).toContain(slot.startMs);
    const { booking } = await order({ party: createParty(db).user, input: input(m.id, slot.start), now: later });
    expect(Date.parse(booking.start)).toBe(slot.startMs);
  });

  it("the page: a signed-out visitor's choice is held, a cookie set, and they go to register with a safe way back", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const form = new URLSearchParams({ start: slot.start, intent: "hold-register" });
    const request = new Request(`http://localhost/mediators/${m.id}/book?category=labour`, {
      method: "POST",
      body: form,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
    });
    const res = (await bookPage.action({ request, params: { id: String(m.id) }, context: {} })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/register?next=${encodeURIComponent(`/mediators/${m.id}/book?held=1&category=labour`)}`);
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^slot_hold=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/);
    const key = /^slot_hold=([^;]+)/.exec(cookie)![1];
    expect(holdFor({ subject: { kind: "mediator", id: m.id }, key, now: Date.now() })?.start).toBe(slot.startMs);

    // Back on the page with the cookie (signed in or not), the time comes preselected and held.
    const back = new Request(`http://localhost/mediators/${m.id}/book?held=1&category=labour`, { headers: { Cookie: cookie } });
    const data = (await bookPage.loader({ request: back, params: { id: String(m.id) }, context: {} })) as {
      hold: { start: string } | null;
      holdGone: boolean;
      category: string | null;
      slots: { start: string }[];
    };
    expect(data.hold?.start).toBe(slot.start);
    expect(data.holdGone).toBe(false);
    expect(data.category).toBe("labour");
    expect(data.slots.map((s) => s.start)).toContain(slot.start);
  });

  it("a cross-site post holds nothing", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const request = new Request(`http://localhost/mediators/${m.id}/book`, {
      method: "POST",
      body: new URLSearchParams({ start: slot.start, intent: "hold-login" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
    });
    const refused = await bookPage.action({ request, params: { id: String(m.id) }, context: {} }).catch((e: unknown) => e);
    expect((refused as Response).status).toBe(403);
    expect(db.select().from(slotHolds).where(eq(slotHolds.mediatorId, m.id)).all()).toHaveLength(0);
  });
});

describe("moving a confirmed session", () => {
  const world = (now: number) => {
    const m = createMediator(db, { modes: ["online"], account: true, now });
    const party = createParty(db);
    const [s1, , s2, , s3] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const kept = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: s1.start, mode: "online", status: "confirmed", now });
    return { m, party, s1, s2, s3, kept, mediator: m.account!.user };
  };

  it("a declined move leaves the old time confirmed, and the party is told it stands", async () => {
    const now = Date.now();
    const w = world(now);
    const move = await rescheduleBooking({ user: w.party.user, id: w.kept.id, start: w.s2.start, now });
    expect(move).toMatchObject({ status: "pending", changeOf: { id: w.kept.id, start: w.s1.start }, rescheduledFromId: w.kept.id });
    const old = getBooking({ user: w.party.user, id: w.kept.id, now });
    expect(old.status).toBe("confirmed");
    expect(old.pendingChange).toEqual({ id: move.id, start: w.s2.start, respondBy: move.respondBy });
    // Both times are held meanwhile; one move at a time.
    expect(freeStarts(w.m.id, now)).not.toContain(w.s1.startMs);
    expect(freeStarts(w.m.id, now)).not.toContain(w.s2.startMs);
    await expect(rescheduleBooking({ user: w.party.user, id: w.kept.id, start: w.s3.start, now })).rejects.toMatchObject({
      code: "illegal_transition",
    });
    expect(templatesTo(w.party.user.id)).toContain("booking.change-submitted");

    await declineBooking({ user: w.mediator, id: move.id, reason: "那天要出海", now });
    const after = getBooking({ user: w.party.user, id: w.kept.id, now });
    expect(after.status).toBe("confirmed");
    expect(after.pendingChange).toBeNull();
    expect(getBooking({ user: w.party.user, id: move.id, now }).status).toBe("declined");
    expect(freeStarts(w.m.id, now)).toContain(w.s2.startMs);
    expect(freeStarts(w.m.id, now)).not.toContain(w.s1.startMs);
    expect(templatesTo(w.party.user.id)).toContain("booking.change-declined");
  });

  it("a confirmed move releases the old time; an unanswered one expires and the old stands", async () => {
    const now = Date.now();
    const w = world(now);
    const move = await rescheduleBooking({ user: w.party.user, id: w.kept.id, start: w.s2.start, now });
    const done = await confirmBooking({ user: w.mediator, id: move.id, now });
    expect(done.status).toBe("confirmed");
    const old = db.select().from(bookings).where(eq(bookings.id, w.kept.id)).get()!;
    expect([old.status, old.cancelReason]).toEqual(["cancelled", "rescheduled"]);
    expect(freeStarts(w.m.id, now)).toContain(w.s1.startMs);
    expect(templatesTo(w.party.user.id)).toContain("booking.change-confirmed");

    // The moved session moved again, never answered: it expires, and the session stands at s2.
    const again = await rescheduleBooking({ user: w.party.user, id: done.id, start: w.s3.start, now });
    const late = Date.parse(again.respondBy);
    const seen = getBooking({ user: w.party.user, id: done.id, now: late });
    expect(seen.status).toBe("confirmed");
    expect(seen.pendingChange).toBeNull();
    expect(seen.actions.reschedule).toBe(true);
  });

  it("cancelling the session withdraws its waiting move", async () => {
    const now = Date.now();
    const w = world(now);
    const move = await rescheduleBooking({ user: w.party.user, id: w.kept.id, start: w.s2.start, now });
    await cancelBooking({ user: w.party.user, id: w.kept.id, reason: "已和解", now });
    expect(getBooking({ user: w.party.user, id: move.id, now }).status).toBe("cancelled");
    expect(freeStarts(w.m.id, now)).toContain(w.s2.startMs);
  });

  it("the mediator proposes another time: accepted, it moves confirmed; refused, the session stands", async () => {
    const now = Date.now();
    const w = world(now);
    const proposed = await proposeTime({ user: w.mediator, id: w.kept.id, start: w.s2.start, note: "上午有庭审", now });
    expect(proposed.proposedStart).toBe(w.s2.start);
    expect(getBooking({ user: w.party.user, id: w.kept.id, now }).actions.answerProposal).toBe(true);
    expect(templatesTo(w.party.user.id)).toContain("booking.time-proposed");
    const moved = await answerProposal({ user: w.party.user, id: w.kept.id, accept: true, now });
    expect(moved).toMatchObject({ status: "confirmed", start: w.s2.start, rescheduledFromId: w.kept.id });
    expect(getBooking({ user: w.party.user, id: w.kept.id, now }).status).toBe("cancelled");

    const again = await proposeTime({ user: w.mediator, id: moved.id, start: w.s3.start, now });
    expect(again.proposedStart).toBe(w.s3.start);
    const kept = await answerProposal({ user: w.party.user, id: moved.id, accept: false, now });
    expect(kept).toMatchObject({ status: "confirmed", start: w.s2.start, proposedStart: null });
    await expect(answerProposal({ user: w.party.user, id: moved.id, accept: true, now })).rejects.toMatchObject({ code: "illegal_transition" });
  });
});

describe("moving through the API", () => {
  it("reschedule answers the move with changeOf; propose and proposal answer the mediator's time", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], account: true, now });
    const party = createParty(db);
    const [s1, , s2, , s3] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const kept = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: s1.start, mode: "online", status: "confirmed", now });
    const params = { id: String(kept.id) };
    const proposed = await call(proposeRoute, "/x", { method: "POST", token: m.account!.token, params, body: { start: s2.start, note: "改到下午" } });
    expect([proposed.status, proposed.body.proposedStart]).toEqual([200, s2.start]);
    // While the proposal is open the party does not move the session themselves, nor may a party propose.
    const moved = await call(rescheduleRoute, "/x", { method: "POST", token: party.token, params, body: { start: s3.start } });
    expect([moved.status, moved.body.error?.code]).toEqual([409, "illegal_transition"]);
    expect((await call(proposeRoute, "/x", { method: "POST", token: party.token, params, body: { start: s3.start } })).status).toBe(403);
    const refused = await call(proposalRoute, "/x", { method: "POST", token: party.token, params, body: { accept: false } });
    expect([refused.status, refused.body.proposedStart, refused.body.status]).toEqual([200, null, "confirmed"]);
    const move = await call(rescheduleRoute, "/x", { method: "POST", token: party.token, params, body: { start: s3.start } });
    expect([move.status, move.body.status, move.body.changeOf]).toEqual([200, "pending", { id: kept.id, start: s1.start }]);
  });
});

describe("every input error in one answer", () => {
  it("the API names the missing mode, category and the too-short summary together", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const party = createParty(db);
    const res = await call(bookingsRoute, "/api/v1/bookings", {
      method: "POST",
      token: party.token,
      body: { mediatorId: m.id, start: slot.start, summary: "短" },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["category", "mode", "summary"]);
  });

  it("an on-site order without a town names the town with the other missing fields", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["onsite"], towns: ["liuheng"], now });
    const [slot] = freeSlots(db, m.id, { now, mode: "onsite", days: 14 });
    const res = await call(bookingsRoute, "/api/v1/bookings", {
      method: "POST",
      token: createParty(db).token,
      body: { mediatorId: m.id, start: slot.start, mode: "onsite", summary: "短" },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["category", "summary", "town"]);
  });
});

describe("the answer deadline and instant confirmation", () => {
  it("a time too close to answer is not offered by a mediator who asks, and is confirmed at once by one who does not", async () => {
    const now = Date.now();
    const asks = createMediator(db, { modes: ["online"], now });
    const instant = createMediator(db, { modes: ["online"], now });
    makeInstant(db, instant.id);
    const [soon] = freeSlots(db, instant.id, { now, mode: "online", days: 3 });
    expect(soon.startMs - now).toBeLessThan(13 * HOUR);
    expect(freeStarts(asks.id, now)).not.toContain(soon.startMs);
    await expect(order({ party: createParty(db).user, input: input(asks.id, soon.start), now })).rejects.toMatchObject({
      code: "not_available",
    });
    const { booking } = await order({ party: createParty(db).user, input: input(instant.id, soon.start), now });
    expect(booking.status).toBe("confirmed");
    const row = db.select().from(bookings).where(eq(bookings.id, booking.id)).get()!;
    expect(row.respondBy).toBe(now);
    expect(templatesTo(row.partyUserId)).toEqual(["booking.confirmed"]);
  });

  it("across the water the answer is due 24 hours before the session; closer than that, the order is refused as too soon", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["onsite"], towns: ["dongji"], now });
    // The listing's own notice is 13 hours (ADR 029), so asking from now + 6 h gives a start 19–20 h away.
    const [tooSoon] = freeSlots(db, m.id, { now: now + 6 * HOUR, mode: "onsite", days: 3 });
    expect(tooSoon.startMs - now).toBeLessThan(24 * HOUR);
    const onsite = { mode: "onsite", town: "dongji", meetingPoint: "东极镇码头", contactPhone: "13800138000" };
    await expect(order({ party: createParty(db).user, input: input(m.id, tooSoon.start, onsite), now })).rejects.toMatchObject({
      code: "not_available",
      detail: { field: "start", reason: "too_soon" },
    });
    const [later] = freeSlots(db, m.id, { now: now + 17 * HOUR, mode: "onsite", days: 3 });
    const { booking } = await order({ party: createParty(db).user, input: input(m.id, later.start, onsite), now });
    const row = db.select().from(bookings).where(eq(bookings.id, booking.id)).get()!;
    expect(row.respondBy).toBe(Math.min(now + 24 * HOUR, later.startMs - 24 * HOUR));
  });
});

describe("the party's contact details", () => {
  it("are seen by the party, by the mediator once confirmed, and by nobody else", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["onsite"], towns: ["liuheng"], account: true, now });
    const [slot] = freeSlots(db, m.id, { now: now + 17 * HOUR, mode: "onsite", days: 7 });
    const party = createParty(db, { phone: "13900139000" });
    const staff = createStaff(db, { now });
    const extra = { mode: "onsite", town: "liuheng", meetingPoint: "六横镇台门村村委会", contactPhone: "+86 138 0013 8001" };
    // As the routes give it: parsed by the one schema (the phone normalised).
    const parsed = createBookingSchema.parse(input(m.id, slot.start, extra));
    const { booking } = await order({ party: party.user, input: parsed, now });
    const contact = { phone: "13900139000", contactPhone: "13800138001" };
    expect(getBooking({ user: party.user, id: booking.id, now }).partyContact).toEqual(contact);
    expect(getBooking({ user: m.account!.user, id: booking.id, now }).partyContact).toBeNull();
    expect(getBooking({ user: m.account!.user, id: booking.id, now }).meetingPoint).toBe("六横镇台门村村委会");
    await confirmBooking({ user: m.account!.user, id: booking.id, now });
    expect(getBooking({ user: m.account!.user, id: booking.id, now }).partyContact).toEqual(contact);
    expect(getBooking({ user: staff.user, id: booking.id, now }).partyContact).toBeNull();
    const asStaff = await call(bookingRoute, "/x", { token: staff.token, params: { id: String(booking.id) } });
    expect(asStaff.body.partyContact).toBeNull();
    const row = db.select().from(bookings).where(and(eq(bookings.id, booking.id))).get()!;
    expect(row.contactPhone).toBe("13800138001");
  });
});
