// Changing a booked 3+X joint panel through the API (issue 9): staff seat a replacement for a member
// who declined (the candidates are free for the panel's time and not seated; the declined seat stays
// declined; the replacement holds the time and is invited), and cancel a panel with a reason (its
// booking is cancelled, everyone's time is freed, every member is told, the case convenes again).
// Only staff, checked in the model. The cross-process race is panel-replace-race.test.ts.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookingParticipants, bookings, notifications, panelMembers, rooms } from "../../db/schema";
import { at, createBooking, createParty, createRoom, createStaff } from "../factories";
import { createPanelCase, createPanelPeople, createPanelPerson, membersOf, putAwaySeedPanelPeople } from "../factories-panels";

const db = openDb(freshDatabase());
// Only this file's people hold panel roles: suggestions and candidates do not depend on the date.
putAwaySeedPanelPeople(db);
const seatRoute = await import("~/routes/api.v1.panels.$id.seat");
const replaceRoute = await import("~/routes/api.v1.panels.$id.seats.replace");
const cancelRoute = await import("~/routes/api.v1.panels.$id.cancel");
const { bookPanel, cancelPanel, getCasePanel, replacementCandidates, replacePanelMember } = await import("~/models/panels.server");
const { DomainError } = await import("~/models/errors");

const NOW = Date.now();
const staff = createStaff(db, { now: NOW });
const party = createParty(db, { now: NOW });
const HOURS = { start: "09:00", end: "17:00" };
const opts = { weekly: HOURS, minNoticeHours: 0, account: true, now: NOW };
let room: number;
beforeAll(() => {
  db.update(rooms).set({ active: false }).run();
  room = createRoom(db, "第八调解室");
});

/** A booked panel tomorrow at `hhmm` for two hours, its own four people. */
async function bookedPanel(day: number, hhmm = "10:00") {
  const people = createPanelPeople(db, opts);
  const kase = createPanelCase(db, { partyUserId: party.user.id });
  const start = at(NOW, day, hhmm);
  const panel = await bookPanel(db, {
    caseId: kase.id,
    start,
    minutes: 120,
    roomId: room,
    members: membersOf(people),
    actor: staff.user,
    now: NOW,
  });
  return { people, kase, panel, start, end: start + 120 * 60_000 };
}
const post = (mod: Parameters<typeof call>[0], url: string, token: string, body: unknown, id: number) =>
  call(mod, url, { method: "POST", token, body, params: { id: String(id) } });

describe("replacing a member who declined", () => {
  it("offers the free, unseated people of that role; seats the chosen one in one step, the declined seat kept", async () => {
    const { people, panel, start, end } = await bookedPanel(1);
    // Two more lawyers: one holds a session during the panel, one is free.
    const busy = createPanelPerson(db, { ...opts, role: "legal-aid-lawyer", name: "忙律师" });
    const free = createPanelPerson(db, { ...opts, role: "legal-aid-lawyer", name: "闲律师" });
    createBooking(db, { partyUserId: party.user.id, mediatorId: busy.id, start: start + 30 * 60_000, mode: "online", now: NOW });
    const declined = await post(
      seatRoute,
      `/api/v1/panels/${panel.id}/seat`,
      people.lawyer.account!.token,
      { answer: "decline" },
      panel.id,
    );
    expect(declined.status).toBe(200);
    expect(declined.body.members.find((m: { personId: number }) => m.personId === people.lawyer.id).replaceable).toBe(false);
    const asStaff = await call(replaceRoute, `/api/v1/panels/${panel.id}/seats/replace?declinedPersonId=${people.lawyer.id}`, {
      token: staff.token,
      params: { id: String(panel.id) },
    });
    expect(asStaff.status).toBe(200);
    // The declined lawyer is seated already (declined), the busy one holds a session: only the free one.
    expect(asStaff.body.candidates.map((c: { personId: number }) => c.personId)).toEqual([free.id]);

    const replaced = await post(
      replaceRoute,
      `/api/v1/panels/${panel.id}/seats/replace`,
      staff.token,
      { declinedPersonId: people.lawyer.id, personId: free.id },
      panel.id,
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.members.map((m: { personId: number; seat: string; status: string }) => [m.personId, m.seat, m.status])).toEqual([
      [people.judge.id, "judge", "invited"],
      [people.chief.id, "chief-mediator", "invited"],
      [people.lawyer.id, "legal-aid-lawyer", "declined"],
      [free.id, "legal-aid-lawyer", "invited"],
      [people.department.id, "department:labour", "invited"],
    ]);
    expect(replaced.body.members.some((m: { replaceable: boolean }) => m.replaceable)).toBe(false);
    const held = db
      .select()
      .from(bookingParticipants)
      .where(and(eq(bookingParticipants.bookingId, panel.bookingId), eq(bookingParticipants.personId, free.id)))
      .get();
    expect([held?.role, held?.active, held?.startAt, held?.endAt]).toEqual(["panel-member", true, start, end]);
    const invited = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.template, "panel.invited"), eq(notifications.userId, free.account!.user.id)))
      .all();
    expect(invited.map((n) => [n.params?.seat, n.params?.link])).toEqual([
      ["legal-aid-lawyer", `http://localhost:3000/panels/${panel.id}`],
    ]);

    // The seat is refilled: a second replacement is refused, and nobody is offered.
    const again = await post(
      replaceRoute,
      `/api/v1/panels/${panel.id}/seats/replace`,
      staff.token,
      { declinedPersonId: people.lawyer.id, personId: busy.id },
      panel.id,
    );
    expect([again.status, again.body.error.code]).toEqual([409, "illegal_transition"]);
  });

  it("refuses a seat not declined, someone seated already, someone who cannot take the seat, and anyone not staff", async () => {
    const { people, panel } = await bookedPanel(2);
    const other = createPanelPerson(db, { ...opts, role: "judge" });
    const notDeclined = replacePanelMember(db, {
      panelId: panel.id,
      declinedPersonId: people.judge.id,
      personId: other.id,
      actor: staff.user,
      now: NOW,
    });
    await expect(notDeclined).rejects.toMatchObject({ code: "illegal_transition", detail: { reason: "seat_not_declined" } });
    await cancelOrDecline(panel.id, people.judge.id);
    await expect(
      replacePanelMember(db, {
        panelId: panel.id,
        declinedPersonId: people.judge.id,
        personId: people.chief.id,
        actor: staff.user,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "invalid_input", detail: { reason: "already_seated" } });
    const lawyer = createPanelPerson(db, { ...opts, role: "legal-aid-lawyer" });
    await expect(
      replacePanelMember(db, { panelId: panel.id, declinedPersonId: people.judge.id, personId: lawyer.id, actor: staff.user, now: NOW }),
    ).rejects.toMatchObject({ code: "invalid_input", detail: { reason: "not_a_candidate" } });
    // A seated member (with an account) is not staff: the model refuses them, and the API says 403.
    const member = people.chief.account!;
    await expect(
      replacePanelMember(db, { panelId: panel.id, declinedPersonId: people.judge.id, personId: other.id, actor: member.user, now: NOW }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(() => replacementCandidates(db, { panelId: panel.id, declinedPersonId: people.judge.id, actor: member.user, now: NOW })).toThrow(
      "Only the centre's staff",
    );
    const api = await post(
      replaceRoute,
      `/api/v1/panels/${panel.id}/seats/replace`,
      member.token,
      { declinedPersonId: people.judge.id, personId: other.id },
      panel.id,
    );
    expect([api.status, api.body.error.code]).toEqual([403, "forbidden"]);
    expect(db.select().from(panelMembers).where(eq(panelMembers.panelId, panel.id)).all().length).toBe(4);
  });
});

/** The member declines (staff for them). */
async function cancelOrDecline(panelId: number, personId: number) {
  const res = await post(seatRoute, `/api/v1/panels/${panelId}/seat`, staff.token, { answer: "decline", personId }, panelId);
  expect(res.status).toBe(200);
}

describe("cancelling a panel", () => {
  it("frees everyone's time, tells every member with the reason, shows it on the case, and the case convenes again", async () => {
    const { people, kase, panel, start } = await bookedPanel(3);
    await cancelOrDecline(panel.id, people.department.id);
    const noReason = await post(cancelRoute, `/api/v1/panels/${panel.id}/cancel`, staff.token, { reason: " " }, panel.id);
    expect([noReason.status, noReason.body.error.code]).toEqual([400, "invalid_input"]);
    const byMember = await post(
      cancelRoute,
      `/api/v1/panels/${panel.id}/cancel`,
      people.judge.account!.token,
      { reason: "法官出差" },
      panel.id,
    );
    expect([byMember.status, byMember.body.error.code]).toEqual([403, "forbidden"]);

    const res = await post(cancelRoute, `/api/v1/panels/${panel.id}/cancel`, staff.token, { reason: "当事人已达成和解。" }, panel.id);
    expect(res.status).toBe(200);
    expect([res.body.status, res.body.cancelReason, res.body.actions.cancel]).toEqual(["cancelled", "当事人已达成和解。", false]);
    const booking = db.select().from(bookings).where(eq(bookings.id, panel.bookingId)).get()!;
    expect([booking.status, booking.cancelledBy, booking.cancelReason]).toEqual(["cancelled", "staff", "当事人已达成和解。"]);
    expect(
      db
        .select()
        .from(bookingParticipants)
        .where(eq(bookingParticipants.bookingId, panel.bookingId))
        .all()
        .map((p) => p.active),
    ).toEqual([false, false, false, false]);

    // Every member is told, the one who declined too, with the reason and by whom.
    const told = db.select().from(notifications).where(eq(notifications.template, "panel.cancelled")).all();
    expect(told.map((n) => n.userId).sort()).toEqual(
      [people.judge, people.chief, people.lawyer, people.department].map((p) => p.account!.user.id).sort(),
    );
    expect(told.map((n) => [n.params?.reason, n.params?.staffName, n.params?.start])).toEqual(
      told.map(() => ["当事人已达成和解。", staff.user.name, start]),
    );

    // The case page's view shows the cancelled panel and why, until another is convened.
    expect(getCasePanel(db, { caseId: kase.id, viewer: staff.user })).toMatchObject({
      status: "cancelled",
      cancelReason: "当事人已达成和解。",
    });
    // The same people can be booked at that time: a single session, then a new panel of the same case.
    createBooking(db, { partyUserId: party.user.id, mediatorId: people.department.id, start, mode: "online", now: NOW });
    const again = await bookPanel(db, {
      caseId: kase.id,
      start,
      minutes: 120,
      roomId: room,
      members: membersOf(people).filter((m) => m.personId !== people.department.id),
      actor: staff.user,
      now: NOW,
    });
    expect([again.status, again.start]).toEqual(["booked", panel.start]);
    expect(getCasePanel(db, { caseId: kase.id, viewer: staff.user })?.id).toBe(again.id);

    const twice = await post(cancelRoute, `/api/v1/panels/${panel.id}/cancel`, staff.token, { reason: "重复取消" }, panel.id);
    expect([twice.status, twice.body.error.code]).toEqual([409, "illegal_transition"]);
    await expect(cancelPanel(db, { panelId: again.id, reason: "法官出差", actor: party.user, now: NOW })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
