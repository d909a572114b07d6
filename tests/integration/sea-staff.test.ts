// /staff/sea (issue 9): staff declare a ferry suspension with a plain form (Beijing time from
// datetime-local boxes), every error next to its field; lift it early; answer for a party who phoned.
// Parties cannot reach the page.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookings, notifications, seaSuspensionSessions, seaSuspensions } from "../../db/schema";
import { at, createBookingInTown, createMediator, createParty, createRoom, createStaff, localDate } from "../factories";

const db = openDb(freshDatabase());
const page = await import("~/routes/staff.sea");
const { createSession, csrfTokenFor } = await import("~/models/auth.server");
const { renderNotification } = await import("~/i18n/notifications");

async function post(userId: number, fields: Record<string, string | string[]>) {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const body = new URLSearchParams({ csrf: csrfTokenFor(secret) });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  const request = new Request("http://test.local/staff/sea", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body,
  });
  try {
    const res = (await page.action({ request, params: {}, context: {} })) as unknown;
    if (res instanceof Response) return { status: res.status, location: res.headers.get("Location"), data: null };
    const d = res as { init?: ResponseInit | null; data: { result?: { error?: Record<string, string[]> }; refused?: string } };
    return { status: d.init?.status ?? 200, location: null, data: d.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), data: null };
    throw thrown;
  }
}

describe("/staff/sea", () => {
  it("declares from the form in Beijing time, says every error in the page's language, lifts, answers for a party", async () => {
    const now = Date.now();
    createRoom(db);
    const staff = createStaff(db, { now });
    const m = createMediator(db, { modes: ["centre", "online"], now });
    const party = createParty(db, { now });
    const b = createBookingInTown(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      start: at(now, 3, "10:00"),
      mode: "centre",
      caseTown: "dongji",
      now,
    });
    const waiting = createParty(db, { locale: "en", now });
    const b2 = createBookingInTown(db, {
      partyUserId: waiting.user.id,
      mediatorId: m.id,
      start: at(now, 3, "12:00"),
      mode: "centre",
      caseTown: "dongji",
      now,
    });
    const day = localDate(now, 3);

    const bad = await post(staff.user.id, { intent: "declare", towns: ["dongji", "goushan"], from: `${day}T12:00`, to: `${day}T08:00` });
    expect(bad.status).toBe(400);
    expect(bad.data!.result!.error!.towns).toEqual(["只有海岛镇才会停航。"]);
    expect(bad.data!.result!.error!.to).toEqual(["结束时间必须晚于开始时间。"]);
    expect((await post(staff.user.id, { intent: "declare", from: "", to: `${day}T08:00` })).data!.result!.error!.from).toEqual([
      "请填写开始时间。",
    ]);

    const ok = await post(staff.user.id, {
      intent: "declare",
      towns: "dongji",
      from: `${day}T00:00`,
      to: `${day}T23:00`,
      note: "东极航线停航",
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toMatch(/^\/staff\/sea\?done=declared&n=\d+$/);
    const sus = db.select().from(seaSuspensions).orderBy(seaSuspensions.id).all().at(-1)!;
    // 00:00 typed in the box is midnight in Beijing, whatever the server's zone.
    expect(sus.fromAt).toBe(at(now, 3, "00:00"));
    expect(sus).toMatchObject({ towns: ["dongji"], note: "东极航线停航", createdByUserId: staff.user.id });

    const answered = await post(staff.user.id, { intent: "answer", bookingId: String(b.id), accept: "online" });
    expect(answered.location).toBe("/staff/sea?done=answered");
    expect(db.select().from(bookings).where(eq(bookings.id, b.id)).get()!.mode).toBe("online");
    expect(db.select().from(seaSuspensionSessions).where(eq(seaSuspensionSessions.bookingId, b.id)).get()).toMatchObject({
      action: "moved-online",
      resolvedByUserId: staff.user.id,
    });
    expect((await post(staff.user.id, { intent: "answer", bookingId: String(b.id), accept: "keep" })).data!.refused).toBe(
      "illegal_transition",
    );

    expect((await post(staff.user.id, { intent: "lift", id: String(sus.id) })).location).toBe("/staff/sea?done=lifted");
    expect(db.select().from(seaSuspensions).where(eq(seaSuspensions.id, sus.id)).get()!.liftedAt).not.toBeNull();
    expect((await post(staff.user.id, { intent: "lift", id: String(sus.id) })).status).toBe(409);
    // Lifting tells the party still waiting to answer that the ferries run again, in their language;
    // the one who already moved online hears nothing more.
    const lifted = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.template, "sea.lifted"), eq(notifications.bookingId, b2.id), eq(notifications.to, waiting.email)))
      .all();
    expect(lifted.map((n) => n.locale)).toEqual(["en"]);
    expect(renderNotification(lifted[0]).body).toContain("Ferries to Dongji are running again");
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.template, "sea.lifted"), eq(notifications.bookingId, b.id)))
        .all(),
    ).toEqual([]);

    const view = (await page.loader({
      request: new Request("http://test.local/staff/sea", {
        headers: { Cookie: `sid=${(await createSession(staff.user.id, "cookie", now)).secret}` },
      }),
      params: {},
      context: {},
    })) as { suspensions: { id: number; inForce: boolean; sessions: { bookingId: number; action: string; resolvedByStaff: boolean }[] }[] };
    const listed = view.suspensions.find((s) => s.id === sus.id)!;
    expect(listed.inForce).toBe(false);
    expect(listed.sessions.find((s) => s.bookingId === b.id)).toMatchObject({ action: "moved-online", resolvedByStaff: true });
  });

  it("is for the centre's staff only", async () => {
    const now = Date.now();
    const staff = createStaff(db, { now });
    const day = localDate(now, 5);
    await post(staff.user.id, { intent: "declare", towns: "xiazhi", from: `${day}T00:00`, to: `${day}T23:00` });
    const sus = db.select().from(seaSuspensions).orderBy(seaSuspensions.id).all().at(-1)!;
    expect(sus.towns).toEqual(["xiazhi"]);
    const party = createParty(db, { now });
    const res = await post(party.user.id, { intent: "lift", id: String(sus.id) });
    expect(res.status).toBe(403);
    expect(db.select().from(seaSuspensions).where(eq(seaSuspensions.id, sus.id)).get()!.liftedAt).toBeNull();
  });
});
