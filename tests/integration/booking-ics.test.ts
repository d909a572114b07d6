// The calendar file of a booking (issue 11), parsed as a calendar would: there from the request on
// (TENTATIVE), CONFIRMED once confirmed and CANCELLED once cancelled; LOCATION, DESCRIPTION and URL say
// where, what, who and the link; reminders a day and two hours ahead; lines folded at 75 octets.
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb } from "../../db/client";
import { createMediator, createParty } from "../factories";
import { bookedSession } from "../factories-messages";
import { parseIcs, prop } from "../ics-parse";

const file = freshDatabase();
const ics = await import("~/routes/api.v1.bookings.$id.calendar[.]ics");
const { confirmBooking, cancelBooking } = await import("~/models/booking-actions.server");
const { onlineRoomUrl } = await import("~/models/centre-info.server");
const db = openDb(file);

const HOUR = 3_600_000;
const now = Date.now();
const party = createParty(db);
const m = createMediator(db, { now, account: true });
const start = (days: number) => Math.ceil(now / HOUR) * HOUR + days * 24 * HOUR;
const fetchIcs = async (id: number, token = party.token, lang = "zh") => {
  const res = await call(ics, `/api/v1/bookings/${id}/calendar.ics`, {
    token,
    params: { id: String(id) },
    headers: { Cookie: `lang=${lang}` },
  });
  expect(res.status).toBe(200);
  return parseIcs(res.text);
};

describe("a booking's calendar file", () => {
  it("is there as soon as the request is made, then follows the booking's state", async () => {
    const b = bookedSession(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      start: start(3),
      madeAt: now,
      mode: "centre",
      status: "pending",
    });
    const pending = await fetchIcs(b.id);
    expect(pending.events).toHaveLength(1);
    const e = pending.events[0];
    expect(prop(e, "STATUS")).toBe("TENTATIVE");
    expect(prop(e, "SUMMARY")).toBe(`调解 · ${m.name}（待确认）`);
    expect(prop(e, "LOCATION")).toMatch(/^普陀区社会治理综合服务中心.+调解室.*，舟山市普陀区沈家门街道海港路 88 号/);
    expect(prop(e, "URL")).toBe(`http://localhost:3000/bookings/${b.id}`);
    const description = prop(e, "DESCRIPTION")!;
    // The factory's case has no number yet: the line names the kind of dispute alone.
    expect(description.split("\n")[0]).toBe("人民调解（劳动争议）");
    expect(description).toContain(`调解员：${m.name}`);
    expect(description).toContain(`查看、改期或取消：http://localhost:3000/bookings/${b.id}`);
    expect(description).toMatch(/\d+月\d+日（周.）(凌晨|上午|中午|下午|晚上)\d+:\d\d至/);
    expect(e.alarms.map((a) => a.get("TRIGGER")?.[0])).toEqual(["-P1D", "-PT2H"]);
    expect(e.alarms.every((a) => a.get("ACTION")?.[0] === "DISPLAY")).toBe(true);
    // Every physical line within 75 octets, and the long ones really folded.
    expect(pending.lines.filter((l) => Buffer.byteLength(l, "utf8") > 75)).toEqual([]);
    expect(pending.lines.some((l) => l.startsWith(" "))).toBe(true);

    await confirmBooking({ user: m.account!.user, id: b.id, now });
    const confirmed = (await fetchIcs(b.id)).events[0];
    expect([prop(confirmed, "STATUS"), prop(confirmed, "SEQUENCE"), prop(confirmed, "SUMMARY")]).toEqual([
      "CONFIRMED",
      "1",
      `调解 · ${m.name}`,
    ]);
    expect(prop(confirmed, "UID")).toBe(prop(e, "UID"));

    await cancelBooking({ user: party.user, id: b.id, reason: "临时出海", now });
    const cancelled = (await fetchIcs(b.id)).events[0];
    expect([prop(cancelled, "STATUS"), prop(cancelled, "SEQUENCE")]).toEqual(["CANCELLED", "2"]);
    expect(cancelled.alarms).toEqual([]);
  });

  it("gives the online room's link as the place, in English for an English reader", async () => {
    const b = bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: start(4), madeAt: now, mode: "online" });
    const e = (await fetchIcs(b.id, party.token, "en")).events[0];
    expect(prop(e, "LOCATION")).toBe(onlineRoomUrl(b.id));
    expect(prop(e, "SUMMARY")).toBe(`Mediation · ${m.name}`);
    expect(prop(e, "DESCRIPTION")).toContain(`Online: join the room at ${onlineRoomUrl(b.id)}`);
    expect(prop(e, "DESCRIPTION")).toContain("(Beijing time)");
  });

  it("gives the town and the meeting point on site, and reads the same for the mediator", async () => {
    const b = bookedSession(db, {
      partyUserId: party.user.id,
      mediatorId: m.id,
      start: start(5),
      madeAt: now,
      mode: "onsite",
      meetingPoint: "沈家门半升洞码头出口",
    });
    const forParty = (await fetchIcs(b.id)).events[0];
    const forMediator = (await fetchIcs(b.id, m.account!.token)).events[0];
    expect(prop(forParty, "LOCATION")).toBe("沈家门街道，沈家门半升洞码头出口");
    expect(prop(forMediator, "LOCATION")).toBe(prop(forParty, "LOCATION"));
  });

  it("is refused to someone else: the booking is not there", async () => {
    const b = bookedSession(db, { partyUserId: party.user.id, mediatorId: m.id, start: start(6), madeAt: now });
    const other = createParty(db);
    expect((await call(ics, `/x`, { token: other.token, params: { id: String(b.id) } })).status).toBe(404);
  });
});
