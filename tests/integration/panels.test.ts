// 3+X joint panels through the API (issue 9): staff get the earliest common slot where every seat and a
// room are free, book it all-or-nothing (201; 409 with nothing booked when someone or the room is
// taken), members confirm or decline their own seats (staff for them), the chief mediator records the
// minutes once the panel has sat. Only staff compose; only major and group cases get a panel; any
// possible member's slots are readable by staff, public pool or not.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { bookingParticipants, bookings, notifications, panels, rooms } from "../../db/schema";
import { at, createBooking, createParty, createRoom, createStaff, localDate } from "../factories";
import { createPanelCase, createPanelPeople, membersOf, SEATS, putAwaySeedPanelPeople } from "../factories-panels";

const db = openDb(freshDatabase());
// Only this file's people hold panel roles: suggestions and candidates do not depend on the date.
putAwaySeedPanelPeople(db);
const suggestRoute = await import("~/routes/api.v1.panels.suggest");
const panelsRoute = await import("~/routes/api.v1.panels");
const seatRoute = await import("~/routes/api.v1.panels.$id.seat");
const minutesRoute = await import("~/routes/api.v1.panels.$id.minutes");
const peopleSlots = await import("~/routes/api.v1.people.$id.slots");
const mediatorSlots = await import("~/routes/api.v1.mediators.$id.slots");
const { recordPanelMinutes, getCasePanel } = await import("~/models/panels.server");
const { DomainError } = await import("~/models/errors");

const NOW = Date.now();
const staff = createStaff(db, { now: NOW });
const party = createParty(db, { now: NOW });
const HOURS = { start: "09:00", end: "17:00" };
const people = createPanelPeople(db, { weekly: HOURS, minNoticeHours: 0, account: true, now: NOW });
let room: number;
beforeAll(() => {
  // Only this test's room: the seed's rooms are put away.
  db.update(rooms).set({ active: false }).run();
  room = createRoom(db, "第九调解室");
});

const post = (mod: Parameters<typeof call>[0], url: string, token: string, body: unknown, params: Record<string, string> = {}) =>
  call(mod, url, { method: "POST", token, body, params });
const suggest = (caseId: number, token = staff.token, extra: Record<string, unknown> = {}) =>
  post(suggestRoute, "/api/v1/panels/suggest", token, {
    caseId,
    roles: SEATS,
    from: localDate(NOW, 1),
    to: localDate(NOW, 3),
    minutes: 120,
    ...extra,
  });
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe("composing and booking a panel", () => {
  it("proposes the earliest common slot after a member's single session, and books it in one step", async () => {
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    // The legal-aid lawyer holds 09:00-10:00 tomorrow: the panel can start at 10:00.
    createBooking(db, { partyUserId: party.user.id, mediatorId: people.lawyer.id, start: at(NOW, 1, "09:00"), mode: "online", now: NOW });
    const res = await suggest(kase.id);
    expect(res.status).toBe(200);
    expect(res.body.slots[0]).toEqual({
      start: expect.stringMatching(INSTANT),
      end: expect.stringMatching(INSTANT),
      roomId: room,
      roomName: "第九调解室",
      members: membersOf(people).map((m) => ({ ...m, name: expect.any(String) })),
    });
    expect(Date.parse(res.body.slots[0].start)).toBe(at(NOW, 1, "10:00"));
    expect(Date.parse(res.body.slots[0].end)).toBe(at(NOW, 1, "12:00"));

    const booked = await post(panelsRoute, "/api/v1/panels", staff.token, {
      caseId: kase.id,
      start: res.body.slots[0].start,
      minutes: 120,
      roomId: room,
      members: membersOf(people),
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ caseId: kase.id, status: "booked", roomId: room, minutesLength: 120 });
    expect(booked.body.members.map((m: { seat: string; status: string }) => [m.seat, m.status])).toEqual(SEATS.map((s) => [s, "invited"]));
    const held = db.select().from(bookingParticipants).where(eq(bookingParticipants.bookingId, booked.body.bookingId)).all();
    expect(held.map((p) => [p.personId, p.active]).sort()).toEqual(
      membersOf(people)
        .map((m) => [m.personId, true])
        .sort(),
    );
    const invited = db.select().from(notifications).where(eq(notifications.template, "panel.invited")).all();
    // Each member has an account with an e-mail address (no phone): one invitation each.
    expect(invited.map((n) => n.userId).sort()).toEqual(
      [people.judge, people.chief, people.lawyer, people.department].map((p) => p.account!.user.id).sort(),
    );

    // The next suggestion for another case starts after this panel.
    const other = createPanelCase(db, { partyUserId: party.user.id, severity: "group" });
    const later = await suggest(other.id);
    expect(Date.parse(later.body.slots[0].start)).toBe(at(NOW, 1, "12:00"));
  });

  it("books nothing when a member is taken meanwhile: 409 slot_taken", async () => {
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    const slot = (await suggest(kase.id, staff.token, { from: localDate(NOW, 2), to: localDate(NOW, 2) })).body.slots[0];
    // Someone books the judge for the first hour of that slot first.
    createBooking(db, { partyUserId: party.user.id, mediatorId: people.judge.id, start: slot.start, mode: "online", now: NOW });
    const before = { bookings: db.select().from(bookings).all().length, panels: db.select().from(panels).all().length };
    const res = await post(panelsRoute, "/api/v1/panels", staff.token, {
      caseId: kase.id,
      start: slot.start,
      minutes: 120,
      roomId: room,
      members: membersOf(people),
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: "slot_taken", message: expect.any(String), fields: { start: [expect.any(String)] } },
    });
    expect({ bookings: db.select().from(bookings).all().length, panels: db.select().from(panels).all().length }).toEqual(before);
  });

  it("refuses a simple case, people not composing, bad seats", async () => {
    const simple = createPanelCase(db, { partyUserId: party.user.id, severity: "simple" });
    const refused = await suggest(simple.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: { code: "illegal_transition", message: expect.any(String), fields: { _: [expect.any(String)] } },
    });
    const major = createPanelCase(db, { partyUserId: party.user.id });
    expect((await suggest(major.id, party.token)).status).toBe(403);
    expect((await suggest(major.id, people.chief.account!.token)).status).toBe(403);
    const bad = await suggest(major.id, staff.token, { roles: ["judge", "department:fishing-boats"] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["roles.1"]);
    // A person in a seat they do not hold: the judge as the legal-aid lawyer.
    const wrong = await post(panelsRoute, "/api/v1/panels", staff.token, {
      caseId: major.id,
      start: new Date(at(NOW, 5, "09:00")).toISOString(),
      minutes: 60,
      roomId: room,
      members: [{ role: "legal-aid-lawyer", personId: people.judge.id }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("invalid_input");
  });
});

describe("seats, minutes and slots", () => {
  it("members answer their own seat (staff for them), the chief mediator records the minutes once it has sat", async () => {
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    const slot = (await suggest(kase.id, staff.token, { from: localDate(NOW, 3), to: localDate(NOW, 3) })).body.slots[0];
    const panel = (
      await post(panelsRoute, "/api/v1/panels", staff.token, {
        caseId: kase.id,
        start: slot.start,
        minutes: 120,
        roomId: room,
        members: membersOf(people),
      })
    ).body;
    const seat = (token: string, body: unknown) =>
      post(seatRoute, `/api/v1/panels/${panel.id}/seat`, token, body, { id: String(panel.id) });

    const confirmed = await seat(people.lawyer.account!.token, { answer: "confirm" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.members.find((m: { isViewer: boolean }) => m.isViewer)).toMatchObject({
      seat: "legal-aid-lawyer",
      status: "confirmed",
    });
    expect((await seat(people.lawyer.account!.token, { answer: "confirm" })).body.error.code).toBe("illegal_transition");
    // Someone else's seat is not theirs to answer.
    expect((await seat(people.lawyer.account!.token, { answer: "decline", personId: people.judge.id })).status).toBe(404);
    expect((await seat(party.token, { answer: "confirm" })).status).toBe(404);

    // Staff decline for the department's representative, who phoned: the seat's time is released.
    const declined = await seat(staff.token, { answer: "decline", personId: people.department.id });
    expect(declined.body.members.find((m: { personId: number }) => m.personId === people.department.id)).toMatchObject({
      status: "declined",
      respondedByStaffName: staff.user.name,
    });
    const rows = db.select().from(bookingParticipants).where(eq(bookingParticipants.bookingId, panel.bookingId)).all();
    expect(rows.filter((r) => !r.active).map((r) => r.personId)).toEqual([people.department.id]);

    const body = {
      entries: [
        { personId: people.judge.id, said: "工资拖欠事实清楚，可先行支付一部分。" },
        { personId: null, speaker: "工人代表", said: "希望本月内结清。" },
      ],
      plan: "企业本月 20 日前支付六成，余款下月结清。",
      dissent: "法律援助律师认为应一次付清。",
      outcome: "plan-adopted" as const,
    };
    const minutes = (token: string) => post(minutesRoute, `/api/v1/panels/${panel.id}/minutes`, token, body, { id: String(panel.id) });
    // Before the panel sits (it is days away), the chief mediator cannot record its minutes yet.
    const early = await minutes(people.chief.account!.token);
    expect(early.body.error).toMatchObject({ code: "illegal_transition" });
    expect((await minutes(people.judge.account!.token)).status).toBe(403);

    const after = Date.parse(slot.start) + 3 * 3_600_000;
    const held = await recordPanelMinutes(db, { ...body, panelId: panel.id, actor: people.chief.account!.user, now: after });
    expect(held).toMatchObject({ status: "held", minutes: { outcome: "plan-adopted", dissent: "法律援助律师认为应一次付清。" } });
    expect(held.minutes!.entries.map((e) => e.speaker)).toEqual([people.judge.name, "工人代表"]);
    // The party filed the case but is not entitled to the panel; a member is.
    expect(getCasePanel(db, { caseId: kase.id, viewer: party.user })).toBe(null);
    expect(getCasePanel(db, { caseId: kase.id, viewer: people.judge.account!.user })?.minutes?.plan).toBe(
      "企业本月 20 日前支付六成，余款下月结清。",
    );
  });

  it("staff read any possible member's slots; the public mediator slots do not know an unlisted person", async () => {
    const get = (mod: Parameters<typeof call>[0], url: string, id: number, token: string) =>
      call(mod, url, { params: { id: String(id) }, token });
    const mine = await get(
      peopleSlots,
      `/api/v1/people/${people.judge.id}/slots?from=${localDate(NOW, 10)}&to=${localDate(NOW, 10)}`,
      people.judge.id,
      staff.token,
    );
    expect(mine.status).toBe(200);
    // 09:00-17:00 in 60-minute sessions, nothing held that day.
    expect(mine.body.slots.map((s: { start: string }) => Date.parse(s.start))).toEqual(
      ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"].map((h) => at(NOW, 10, h)),
    );
    expect((await get(peopleSlots, `/api/v1/people/${people.judge.id}/slots`, people.judge.id, party.token)).status).toBe(403);
    expect((await get(mediatorSlots, `/api/v1/mediators/${people.judge.id}/slots`, people.judge.id, party.token)).status).toBe(404);
    expect((await get(peopleSlots, `/api/v1/people/999999/slots`, 999_999, staff.token)).status).toBe(404);
  });

  it("the model refuses a non-staff composer itself", async () => {
    const kase = createPanelCase(db, { partyUserId: party.user.id });
    const { suggestPanelSlots } = await import("~/models/panels.server");
    expect(() =>
      suggestPanelSlots(db, {
        caseId: kase.id,
        roles: SEATS,
        from: localDate(NOW, 1),
        to: localDate(NOW, 2),
        minutes: 60,
        actor: party.user,
        now: NOW,
      }),
    ).toThrow(DomainError);
    expect(
      db
        .select()
        .from(panels)
        .where(inArray(panels.caseId, [kase.id]))
        .all(),
    ).toEqual([]);
  });
});
