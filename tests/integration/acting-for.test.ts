// Centre staff answer for a mediator who has no account (issue 9): through the API and the model, the
// booking records who acted, the party is told in their own language who confirmed for whom, and the
// party or the mediator of another booking still cannot answer it.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookings, notifications } from "../../db/schema";
import { createAccount, createBooking, createMediator, createParty, createStaff, firstFreeSlot, freeSlots } from "../factories";

const db = openDb(freshDatabase());
const confirmRoute = await import("~/routes/api.v1.bookings.$id.confirm");
const declineRoute = await import("~/routes/api.v1.bookings.$id.decline");
const { confirmBooking, declineBooking } = await import("~/models/booking-actions.server");
const { getBooking } = await import("~/models/bookings.server");
const { renderNotification } = await import("~/i18n/notifications");
const { CENTRE_DESK } = await import("~/models/notifications.server");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const bookingPage = await import("~/routes/bookings.$id");

/** Posts a form of the booking page with a cookie session and its CSRF token; the status and Location. */
async function postBookingPage(userId: number, bookingId: number, fields: Record<string, string>) {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const request = new Request(`http://test.local/bookings/${bookingId}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body: new URLSearchParams({ csrf: csrfTokenFor(secret), ...fields }),
  });
  try {
    const res = (await bookingPage.action({ request, params: { id: String(bookingId) }, context: {} })) as unknown;
    if (res instanceof Response) return { status: res.status, location: res.headers.get("Location") };
    return { status: (res as { init?: ResponseInit | null }).init?.status ?? 200, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

/** A pending request to a mediator with no account, from a party who reads English. */
function pendingRequest(now: number, o: { account?: boolean } = {}) {
  const m = createMediator(db, { modes: ["online"], account: o.account ?? false, now });
  const party = createParty(db, { locale: "en", now });
  const slot = firstFreeSlot(db, m.id, { now, mode: "online" });
  const b = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: slot.start, now });
  return { m, party, b };
}

const messagesFor = (bookingId: number, to: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.bookingId, bookingId), eq(notifications.to, to)))
    .all();

describe("staff act for a mediator", () => {
  it("staff confirm through the API for a mediator without an account: confirmed, acted-by recorded, party told in English", async () => {
    const now = Date.now();
    const { m, party, b } = pendingRequest(now);
    const staff = createStaff(db, { name: "张三", now });

    const res = await call(confirmRoute, "/api/v1/x", { method: "POST", token: staff.token, params: { id: String(b.id) } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe("confirmed");
    expect(res.body.actedByName).toBe("张三");

    const row = db.select().from(bookings).where(eq(bookings.id, b.id)).get()!;
    expect(row.status).toBe("confirmed");
    expect(row.actedByUserId).toBe(staff.user.id);

    const toParty = messagesFor(b.id, party.email);
    expect(toParty.map((n) => [n.template, n.locale])).toEqual([["booking.confirmed-for", "en"]]);
    const text = renderNotification(toParty[0]);
    expect(text.body).toContain(`Staff member 张三 confirmed for ${m.name}`);
    // Without an account, the mediator's copy goes to the centre's desk, in Chinese.
    const desk = messagesFor(b.id, CENTRE_DESK);
    expect(desk.map((n) => n.template)).toEqual(["booking.confirmed-for"]);
    expect(renderNotification(desk[0]).body).toContain(`由工作人员 张三 代 ${m.name} 确认`);

    // The party sees who acted when reading the booking.
    expect(getBooking({ user: party.user, id: b.id, now }).actedByName).toBe("张三");
  });

  it("an admin declines for the mediator with a reason; a party reading Chinese is told so", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db, { now });
    const b = createBooking(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      start: firstFreeSlot(db, m.id, { now, mode: "online" }).start,
      now,
    });
    const admin = createAccount(db, "admin", { name: "王五", now });

    const view = await declineBooking({ user: admin.user, id: b.id, reason: "调解员出差", now });
    expect([view.status, view.actedByName, view.declineReason]).toEqual(["declined", "王五", "调解员出差"]);
    const [n] = messagesFor(b.id, party.email);
    expect(n.template).toBe("booking.declined-for");
    expect(renderNotification(n).body).toContain(`由工作人员 王五 代 ${m.name} 婉拒`);
    expect(renderNotification(n).body).toContain("调解员出差");
  });

  it("a mediator answering themselves records no one acting for them", async () => {
    const now = Date.now();
    const { m, b } = pendingRequest(now, { account: true });
    const view = await confirmBooking({ user: m.account!.user, id: b.id, now });
    expect(view.actedByName).toBeNull();
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.actedByUserId).toBeNull();
  });

  it("the party may not confirm or decline their own request", async () => {
    const now = Date.now();
    const { party, b } = pendingRequest(now);
    const res = await call(confirmRoute, "/api/v1/x", { method: "POST", token: party.token, params: { id: String(b.id) } });
    expect(res.status).toBe(403);
    await expect(confirmBooking({ user: party.user, id: b.id, now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(declineBooking({ user: party.user, id: b.id, reason: "不想去了", now })).rejects.toMatchObject({ code: "forbidden" });
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.status).toBe("pending");
  });

  it("the mediator of another booking cannot answer it: not found, nothing changed", async () => {
    const now = Date.now();
    const { b } = pendingRequest(now);
    const other = createMediator(db, { modes: ["online"], account: true, now });
    const res = await call(declineRoute, "/api/v1/x", {
      method: "POST",
      token: other.account!.token,
      params: { id: String(b.id) },
      body: { reason: "不是我的" },
    });
    expect(res.status).toBe(404);
    await expect(confirmBooking({ user: other.account!.user, id: b.id, now })).rejects.toMatchObject({ code: "not_found" });
    const row = db.select().from(bookings).where(eq(bookings.id, b.id)).get()!;
    expect([row.status, row.actedByUserId]).toEqual(["pending", null]);
  });

  it("staff cannot answer a request that was already answered", async () => {
    const now = Date.now();
    const { b } = pendingRequest(now);
    const staff = createStaff(db, { now });
    await confirmBooking({ user: staff.user, id: b.id, now });
    await expect(declineBooking({ user: staff.user, id: b.id, reason: "改主意", now })).rejects.toMatchObject({
      code: "illegal_transition",
    });
  });

  it("staff decline and propose another free time of the mediator: recorded, shown, and told to the party", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db, { locale: "en", now });
    const [first, second] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const b = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: first.start, now });
    const staff = createStaff(db, { name: "张三", now });

    // Not a free slot (the booking's own time, and a time off the grid) is refused; nothing changes.
    for (const proposedStart of [first.start, new Date(Date.parse(second.start) + 60_000).toISOString()])
      await expect(declineBooking({ user: staff.user, id: b.id, reason: "时间冲突", proposedStart, now })).rejects.toMatchObject({
        code: "not_available",
      });
    await expect(
      declineBooking({ user: party.user, id: b.id, reason: "时间冲突", proposedStart: second.start, now }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.status).toBe("pending");

    const view = await declineBooking({ user: staff.user, id: b.id, reason: "时间冲突", proposedStart: second.start, now });
    expect([view.status, view.actedByName, Date.parse(view.proposedStart!)]).toEqual(["declined", "张三", Date.parse(second.start)]);
    const [n] = messagesFor(b.id, party.email);
    expect(renderNotification(n).body).toMatch(/The mediator proposes .+ instead/);
    expect(getBooking({ user: party.user, id: b.id, now }).proposedStart).toBe(view.proposedStart);
  });

  it("the booking page takes staff's answers (confirm, propose) and refuses the party's", async () => {
    const now = Date.now();
    const m = createMediator(db, { modes: ["online"], now });
    const party = createParty(db, { now });
    const [a, b, c] = freeSlots(db, m.id, { now, mode: "online", days: 14 });
    const first = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: a.start, now });
    const second = createBooking(db, { partyUserId: party.user.id, mediatorId: m.id, start: b.start, now });
    const staff = createStaff(db, { now });

    expect(await postBookingPage(party.user.id, first.id, { intent: "confirm" })).toEqual({ status: 403, location: null });
    expect(await postBookingPage(staff.user.id, first.id, { intent: "confirm" })).toEqual({
      status: 302,
      location: `/bookings/${first.id}?done=confirmed`,
    });
    expect(await postBookingPage(staff.user.id, second.id, { intent: "propose", reason: "这天出差", start: c.start })).toEqual({
      status: 302,
      location: `/bookings/${second.id}?done=proposed`,
    });
    const rows = [first.id, second.id].map((id) => db.select().from(bookings).where(eq(bookings.id, id)).get()!);
    expect(rows.map((r) => [r.status, r.actedByUserId, r.proposedStartAt])).toEqual([
      ["confirmed", staff.user.id, null],
      ["declined", staff.user.id, Date.parse(c.start)],
    ]);
  });
});
