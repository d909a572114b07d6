// The sea (issue 9): staff declare a ferry suspension; every centre or on-site session whose party or
// mediator must cross is recorded with its offer (the same time online when the mediator works online,
// else the earliest free times after it), everyone is told in their own language, and the party
// answers: online (mode online, room freed, mediator told), keep, or another time. Through the API
// routes and the models, with real SQLite.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { availabilitySettings, bookings, notifications, seaSuspensionSessions } from "../../db/schema";
import { at, createBookingInTown, createMediator, createParty, createRoom, createStaff } from "../factories";

const db = openDb(freshDatabase());
const suspensionsRoute = await import("~/routes/api.v1.sea-suspensions");
const offerRoute = await import("~/routes/api.v1.bookings.$id.sea-offer");
const { renderNotification } = await import("~/i18n/notifications");
const { rescheduleFromSea, seaPanelFor } = await import("~/models/sea-offer.server");
const { getBooking } = await import("~/models/bookings.server");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const bookingPage = await import("~/routes/bookings.$id");

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A storm two days from now, all of day 3 (Beijing time), and the sessions it should and should not catch. */
function world(now: number) {
  createRoom(db);
  createRoom(db);
  const storm = { from: at(now, 3, "00:00"), to: at(now, 4, "00:00") };
  const withOnline = createMediator(db, { modes: ["centre", "online", "onsite"], account: { locale: "en" }, now });
  const centreOnly = createMediator(db, { modes: ["centre"], account: true, now });
  const islander = createParty(db, { locale: "en", now });
  const otherIslander = createParty(db, { now });
  const mainlander = createParty(db, { now });
  const b = (o: Parameters<typeof createBookingInTown>[1]) => createBookingInTown(db, o);
  const caughtOnline = b({
    partyUserId: islander.user.id,
    mediatorId: withOnline.id,
    start: at(now, 3, "10:00"),
    mode: "centre",
    caseTown: "liuheng",
    status: "confirmed",
    now,
  });
  const caughtNoOnline = b({
    partyUserId: otherIslander.user.id,
    mediatorId: centreOnly.id,
    start: at(now, 3, "11:00"),
    mode: "centre",
    caseTown: "taohua",
    now,
  });
  const onsite = b({
    partyUserId: otherIslander.user.id,
    mediatorId: withOnline.id,
    start: at(now, 3, "14:00"),
    mode: "onsite",
    town: "liuheng",
    caseTown: null,
    now,
  });
  const mainland = b({
    partyUserId: mainlander.user.id,
    mediatorId: centreOnly.id,
    start: at(now, 3, "15:00"),
    mode: "centre",
    caseTown: "donggang",
    now,
  });
  const online = b({
    partyUserId: islander.user.id,
    mediatorId: withOnline.id,
    start: at(now, 3, "16:00"),
    mode: "online",
    caseTown: "liuheng",
    now,
  });
  const after = b({
    partyUserId: islander.user.id,
    mediatorId: centreOnly.id,
    start: at(now, 4, "00:00"),
    mode: "centre",
    caseTown: "liuheng",
    now,
  });
  return {
    storm,
    withOnline,
    centreOnly,
    islander,
    otherIslander,
    mainlander,
    caughtOnline,
    caughtNoOnline,
    onsite,
    mainland,
    online,
    after,
  };
}

const declare = (token: string, body: unknown) => call(suspensionsRoute, "/api/v1/sea-suspensions", { method: "POST", token, body });
const answer = (token: string, id: number, accept: string) =>
  call(offerRoute, "/api/v1/x", { method: "POST", token, params: { id: String(id) }, body: { accept } });
const seaRow = (bookingId: number) => db.select().from(seaSuspensionSessions).where(eq(seaSuspensionSessions.bookingId, bookingId)).get();
const messages = (to: string, template: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, to), eq(notifications.template, template)))
    .all();

describe("declaring a sea suspension", () => {
  it("flags exactly the sessions that must cross, with their offers, and tells everyone in their language", async () => {
    const now = Date.now();
    const w = world(now);
    const staff = createStaff(db, { locale: "en", now });
    const res = await declare(staff.token, {
      towns: ["liuheng", "taohua"],
      from: iso(w.storm.from),
      to: iso(w.storm.to),
      note: "9 级大风",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.towns).toEqual(["liuheng", "taohua"]);
    const mine = [w.caughtOnline.id, w.caughtNoOnline.id, w.onsite.id];
    const affected = (res.body.affected as { bookingId: number }[]).filter((a) =>
      [...mine, w.mainland.id, w.online.id, w.after.id].includes(a.bookingId),
    );
    expect(affected.map((a) => a.bookingId)).toEqual(mine);
    const [a, b, c] = res.body.affected.filter((x: { bookingId: number }) => mine.includes(x.bookingId));
    // The mediator works online: the same time online, and the other times too.
    expect(a.crossing).toBe("party");
    expect(Date.parse(a.offer.online.start)).toBe(w.caughtOnline.startAt);
    // No online: the three earliest free times of the same mediator once the ferries run again.
    expect(b.offer.online).toBeNull();
    expect(b.offer.times).toHaveLength(3);
    const starts = b.offer.times.map((t: { start: string }) => Date.parse(t.start));
    expect(starts[0]).toBeGreaterThanOrEqual(w.storm.to);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    // The centre-only mediator's own booking at the storm's end is not offered.
    expect(starts).not.toContain(w.after.startAt);
    expect(c.crossing).toBe("mediator");
    expect(seaRow(w.caughtOnline.id)).toMatchObject({ action: "flagged", crossing: "party", offeredOnlineAt: w.caughtOnline.startAt });
    expect(seaRow(w.caughtNoOnline.id)).toMatchObject({ action: "flagged", offeredOnlineAt: null });
    expect(seaRow(w.mainland.id)).toBeUndefined();
    expect(seaRow(w.online.id)).toBeUndefined();
    // Nothing was cancelled.
    expect(db.select().from(bookings).where(eq(bookings.id, w.caughtOnline.id)).get()!.status).toBe("confirmed");

    const toParty = messages(w.islander.email, "sea.suspended-party");
    expect(toParty.map((n) => n.locale)).toEqual(["en"]);
    const en = renderNotification(toParty[0]).body;
    expect(en).toContain("Ferries to Liuheng, Taohua are suspended");
    expect(en).toContain("Beijing time");
    expect(en).toContain("online at the same time");
    const zh = renderNotification(messages(w.otherIslander.email, "sea.suspended-party")[0]).body;
    expect(zh).toContain("因大风停航");
    expect(zh).toContain("也可以改到");
    expect(zh).not.toContain("线上调解，请");
    expect(messages(w.mainlander.email, "sea.suspended-party")).toEqual([]);
    const toMediator = messages(w.withOnline.account!.email, "sea.suspended-mediator");
    expect(toMediator.map((n) => [n.bookingId, n.locale])).toEqual([
      [w.caughtOnline.id, "en"],
      [w.onsite.id, "en"],
    ]);
    expect(renderNotification(messages(w.centreOnly.account!.email, "sea.suspended-mediator")[0]).body).toContain("当事人需要过海");
    const toStaff = messages(staff.email, "sea.suspended-staff");
    expect(toStaff).toHaveLength(1);
    expect(renderNotification(toStaff[0]).subject).toMatch(/^Ferries suspended: Liuheng, Taohua, \d+ sessions affected$/);

    const list = await call(suspensionsRoute, "/api/v1/sea-suspensions", { token: staff.token });
    expect(list.status).toBe(200);
    const listed = list.body.suspensions.find((s: { id: number }) => s.id === res.body.id);
    expect(listed.sessions.find((s: { bookingId: number }) => s.bookingId === w.caughtOnline.id)).toMatchObject({
      action: "flagged",
      offeredOnline: true,
      crossing: "party",
    });
  });

  it("refuses what is not a suspension: mainland towns, an empty or reversed or too long range, a party", async () => {
    const now = Date.now();
    const staff = createStaff(db, { now });
    const from = iso(at(now, 1, "08:00"));
    const bad = async (body: unknown) => {
      const res = await declare(staff.token, body);
      expect(res.status).toBe(400);
      return res.body.error.fields;
    };
    expect(await bad({ towns: ["shenjiamen"], from, to: iso(at(now, 1, "20:00")) })).toHaveProperty(["towns.0"]);
    expect(await bad({ towns: [], from, to: iso(at(now, 1, "20:00")) })).toHaveProperty("towns");
    expect((await bad({ towns: ["liuheng"], from, to: from })).to).toEqual(["to must be after from."]);
    expect((await bad({ towns: ["liuheng"], from, to: iso(at(now, 9, "08:00")) })).to[0]).toMatch(/At most 7 days/);
    expect((await bad({ towns: ["liuheng"], from: iso(now - 10 * HOUR), to: iso(now - HOUR) })).to[0]).toMatch(/already over/);
    expect(await bad({ towns: ["liuheng"], from: "tomorrow", to: iso(at(now, 2, "08:00")) })).toHaveProperty("from");
    const party = createParty(db, { now });
    expect((await declare(party.token, { towns: ["liuheng"], from, to: iso(at(now, 2, "08:00")) })).status).toBe(403);
  });
});

describe("the party answers", () => {
  it("accepts the same time online: mode online, room freed, mediator told; another party gets a 404", async () => {
    const now = Date.now();
    const w = world(now);
    const staff = createStaff(db, { now });
    expect((await declare(staff.token, { towns: ["liuheng"], from: iso(w.storm.from), to: iso(w.storm.to) })).status).toBe(201);
    const roomBefore = db.select().from(bookings).where(eq(bookings.id, w.caughtOnline.id)).get()!.roomId;
    expect(roomBefore).not.toBeNull();

    expect((await answer(w.otherIslander.token, w.caughtOnline.id, "online")).status).toBe(404);
    expect((await answer(w.withOnline.account!.token, w.caughtOnline.id, "online")).status).toBe(403);

    const res = await answer(w.islander.token, w.caughtOnline.id, "online");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: w.caughtOnline.id, mode: "online", room: null, status: "confirmed" });
    const row = db.select().from(bookings).where(eq(bookings.id, w.caughtOnline.id)).get()!;
    expect(row).toMatchObject({ mode: "online", roomId: null, startAt: w.caughtOnline.startAt });
    expect(seaRow(w.caughtOnline.id)).toMatchObject({ action: "moved-online", resolvedByUserId: w.islander.user.id });
    // The mediator's next free time is recomputed (the room freed may give them one).
    const cached = db.select().from(availabilitySettings).where(eq(availabilitySettings.mediatorId, w.withOnline.id)).get()!;
    expect(cached.nextAvailableValidUntil).toBeLessThanOrEqual(w.caughtOnline.startAt);
    const told = messages(w.withOnline.account!.email, "sea.moved-online");
    expect(told.map((n) => n.locale)).toEqual(["en"]);
    expect(renderNotification(told[0]).body).toContain("is held online at the same time");
    // Answered once: a second answer is refused.
    expect((await answer(w.islander.token, w.caughtOnline.id, "keep")).status).toBe(409);
  });

  it("online is refused when not offered; keeping it is recorded and the mediator told; staff answer for a party", async () => {
    const now = Date.now();
    const w = world(now);
    const staff = createStaff(db, { name: "李四", now });
    expect((await declare(staff.token, { towns: ["liuheng", "taohua"], from: iso(w.storm.from), to: iso(w.storm.to) })).status).toBe(201);
    const refused = await answer(w.otherIslander.token, w.caughtNoOnline.id, "online");
    expect(refused.status).toBe(422);
    const kept = await answer(w.otherIslander.token, w.caughtNoOnline.id, "keep");
    expect(kept.status).toBe(200);
    expect(kept.body.mode).toBe("centre");
    expect(seaRow(w.caughtNoOnline.id)).toMatchObject({ action: "kept", resolvedByUserId: w.otherIslander.user.id });
    expect(messages(w.centreOnly.account!.email, "sea.kept")).toHaveLength(1);

    // Staff, for the party on the phone: the on-site session moves online; the party is told who chose.
    const byStaff = await answer(staff.token, w.onsite.id, "online");
    expect(byStaff.status, JSON.stringify(byStaff.body)).toBe(200);
    expect(seaRow(w.onsite.id)).toMatchObject({ action: "moved-online", resolvedByUserId: staff.user.id });
    const toParty = messages(w.otherIslander.email, "sea.moved-online");
    expect(renderNotification(toParty[0]).body).toContain("由工作人员 李四 代当事人选择");
  });

  it("picks one of the other times: the reschedule path, recorded as rescheduled; other times are refused", async () => {
    const now = Date.now();
    const w = world(now);
    const staff = createStaff(db, { now });
    expect((await declare(staff.token, { towns: ["taohua"], from: iso(w.storm.from), to: iso(w.storm.to) })).status).toBe(201);
    const party = { ...w.otherIslander.user, role: "party" as const };
    const view = getBooking({ user: party, id: w.caughtNoOnline.id, now });
    const panel = seaPanelFor({ booking: view, now })!;
    expect(panel).toMatchObject({ canAnswer: true, online: null, crossing: "party" });
    expect(panel.times).toHaveLength(3);
    await expect(rescheduleFromSea({ user: party, id: w.caughtNoOnline.id, start: view.start, now })).rejects.toMatchObject({
      code: "not_available",
    });
    const moved = await rescheduleFromSea({ user: party, id: w.caughtNoOnline.id, start: panel.times[1].start, now });
    expect(moved.rescheduledFromId).toBe(w.caughtNoOnline.id);
    expect(Date.parse(moved.start)).toBe(Date.parse(panel.times[1].start));
    expect(seaRow(w.caughtNoOnline.id)).toMatchObject({ action: "rescheduled" });
    expect(seaPanelFor({ booking: getBooking({ user: party, id: w.caughtNoOnline.id, now }), now })).toMatchObject({
      action: "rescheduled",
      canAnswer: false,
    });
  });

  it("the booking page's form moves the session online without JavaScript, with the CSRF token", async () => {
    const now = Date.now();
    const w = world(now);
    const staff = createStaff(db, { now });
    expect((await declare(staff.token, { towns: ["liuheng"], from: iso(w.storm.from), to: iso(w.storm.to) })).status).toBe(201);
    const { secret } = await createSession(w.islander.user.id, "cookie", now);
    const post = (fields: Record<string, string>) =>
      bookingPage
        .action({
          request: new Request(`http://test.local/bookings/${w.caughtOnline.id}`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
            body: new URLSearchParams(fields),
          }),
          params: { id: String(w.caughtOnline.id) },
          context: {},
        })
        .catch((thrown: unknown) => thrown);
    const noToken = (await post({ intent: "sea-online" })) as Response;
    expect(noToken.status).toBe(403);
    const res = (await post({ csrf: csrfTokenFor(secret), intent: "sea-online" })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/bookings/${w.caughtOnline.id}?done=sea-moved-online`);
    expect(db.select().from(bookings).where(eq(bookings.id, w.caughtOnline.id)).get()!.mode).toBe("online");
  });
});
