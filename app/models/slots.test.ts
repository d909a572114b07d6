import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeSlots, firstFreeSlot, unionSlots, type BookingRules, type SlotInput, type WeeklyRange } from "./slots";

const zone = "Asia/Shanghai";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");
const rules: BookingRules = { timezone: zone, sessionMinutes: 60, bufferMinutes: 15, minNoticeHours: 0, horizonDays: 60, dailyCap: 10 };
// 2026-11-30 is a Monday.
const MON = "2026-11-30";
const monMorning: WeeklyRange = { weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60, modes: ["centre", "online"], towns: [] };

function slots(over: Partial<SlotInput> = {}) {
  return computeSlots({ rules, weekly: [monMorning], overrides: [], busy: [], now: at("2026-11-26T10:00"), from: MON, to: MON, ...over });
}

describe("computeSlots", () => {
  it("steps through weekly hours by session + buffer, keeping whole sessions inside the range", () => {
    expect(slots().map((s) => local(s.start))).toEqual(["2026-11-30 09:00", "2026-11-30 10:15"]);
    const [first] = slots();
    expect(first.end - first.start).toBe(60 * 60_000);
    expect(first.modes).toEqual(["centre", "online"]);
  });

  it("works in Shanghai time whatever the server's zone: 00:00–02:00 Tuesday is Monday 16:00 UTC", () => {
    const early: WeeklyRange = { weekday: 2, startMinute: 0, endMinute: 120, modes: ["online"], towns: [] };
    const tue = slots({ weekly: [early], from: "2026-12-01", to: "2026-12-01", rules: { ...rules, bufferMinutes: 0 } });
    expect(tue.map((s) => new Date(s.start).toISOString())).toEqual(["2026-11-30T16:00:00.000Z", "2026-11-30T17:00:00.000Z"]);
    expect(slots({ weekly: [early], rules: { ...rules, bufferMinutes: 0 } })).toEqual([]);
  });

  it("lets a range cross midnight, putting the late slots on the next local date", () => {
    const late: WeeklyRange = { weekday: 5, startMinute: 22 * 60, endMinute: 2 * 60, modes: ["online"], towns: [] };
    const r = { ...rules, bufferMinutes: 0 };
    const fri = slots({ weekly: [late], rules: r, from: "2026-12-04", to: "2026-12-04" });
    const sat = slots({ weekly: [late], rules: r, from: "2026-12-05", to: "2026-12-05" });
    expect(fri.map((s) => local(s.start))).toEqual(["2026-12-04 22:00", "2026-12-04 23:00"]);
    expect(sat.map((s) => local(s.start))).toEqual(["2026-12-05 00:00", "2026-12-05 01:00"]);
    // A day off on Saturday also removes the part of Friday's range that falls on it.
    const off = slots({
      weekly: [late],
      rules: r,
      from: "2026-12-04",
      to: "2026-12-05",
      overrides: [{ date: "2026-12-05", unavailable: true }],
    });
    expect(off.map((s) => local(s.start))).toEqual(["2026-12-04 22:00", "2026-12-04 23:00"]);
  });

  it("honours a day off and leave over several dates", () => {
    expect(slots({ overrides: [{ date: MON, unavailable: true }] })).toEqual([]);
    const twoWeeks = slots({ to: "2026-12-14", overrides: [{ date: "2026-12-07", unavailable: true }] });
    expect(twoWeeks.map((s) => local(s.start).slice(0, 10))).toEqual(["2026-11-30", "2026-11-30", "2026-12-14", "2026-12-14"]);
  });

  it("adds extra hours on a date", () => {
    const sat = slots({
      from: "2026-12-05",
      to: "2026-12-05",
      overrides: [
        { date: "2026-12-05", unavailable: false, startMinute: 14 * 60, endMinute: 16 * 60, modes: ["onsite"], towns: ["liuheng"] },
      ],
    });
    expect(sat.map((s) => [local(s.start), s.modes, s.towns])).toEqual([["2026-12-05 14:00", ["onsite"], ["liuheng"]]]);
  });

  it("keeps the buffer free on both sides of a booking", () => {
    // A booking 10:00–10:30 blocks 09:00 (ends 10:00, buffer to 10:15) and 10:15 (buffer from 10:00).
    const busy = [{ start: at(`${MON}T10:00`), end: at(`${MON}T10:30`) }];
    expect(slots({ busy })).toEqual([]);
    // One that ends exactly where the buffer ends leaves the slot.
    const ok = [{ start: at(`${MON}T07:00`), end: at(`${MON}T08:45`) }];
    expect(slots({ busy: ok }).map((s) => local(s.start))).toEqual(["2026-11-30 09:00", "2026-11-30 10:15"]);
  });

  it("respects minimum notice, the horizon and the past", () => {
    const now = at(`${MON}T08:30`);
    expect(slots({ now, rules: { ...rules, minNoticeHours: 1 } }).map((s) => local(s.start))).toEqual(["2026-11-30 10:15"]);
    expect(slots({ now: at(`${MON}T09:30`) }).map((s) => local(s.start))).toEqual(["2026-11-30 10:15"]);
    expect(slots({ now: at("2026-11-20T10:00"), rules: { ...rules, horizonDays: 7 } })).toEqual([]);
  });

  it("stops at the daily cap", () => {
    const busy = [{ start: at(`${MON}T18:00`), end: at(`${MON}T19:00`) }];
    expect(slots({ busy, rules: { ...rules, dailyCap: 1 } })).toEqual([]);
    expect(slots({ busy, rules: { ...rules, dailyCap: 2 } })).toHaveLength(2);
  });

  it("offers the centre only while a room is free, and filters by mode", () => {
    const taken = { count: 1, busy: [{ start: at(`${MON}T09:00`), end: at(`${MON}T10:00`) }] };
    const s = slots({ rooms: taken });
    expect(s[0].modes).toEqual(["online"]);
    expect(s[1].modes).toEqual(["centre", "online"]);
    expect(slots({ rooms: taken, mode: "centre" }).map((x) => local(x.start))).toEqual(["2026-11-30 10:15"]);
    expect(slots({ mode: "onsite" })).toEqual([]);
  });

  it("stays exact in a zone that changes its clocks (the slow path)", () => {
    const berlin = { ...rules, timezone: "Europe/Berlin", bufferMinutes: 0 };
    const sunday: WeeklyRange = { weekday: 7, startMinute: 9 * 60, endMinute: 10 * 60, modes: ["online"], towns: [] };
    const s = computeSlots({
      rules: berlin,
      weekly: [sunday],
      overrides: [],
      busy: [],
      now: Date.parse("2026-03-01T00:00:00Z"),
      from: "2026-03-22",
      to: "2026-03-29",
    });
    // 09:00 in Berlin is 08:00 UTC before the change to summer time and 07:00 UTC after it.
    expect(s.map((x) => new Date(x.start).toISOString())).toEqual(["2026-03-22T08:00:00.000Z", "2026-03-29T07:00:00.000Z"]);
  });

  it("knows 29 February 2028 (a Tuesday) and crosses into a new year at midnight on 31 December", () => {
    const r = { ...rules, bufferMinutes: 0 };
    const tuesday: WeeklyRange = { weekday: 2, startMinute: 9 * 60, endMinute: 11 * 60, modes: ["online"], towns: [] };
    const leap = slots({ weekly: [tuesday], rules: r, now: at("2028-02-20T10:00"), from: "2028-02-28", to: "2028-03-01" });
    expect(leap.map((s) => local(s.start))).toEqual(["2028-02-29 09:00", "2028-02-29 10:00"]);
    // 31 December 2027 is a Friday; its late range runs into Saturday 1 January 2028.
    const late: WeeklyRange = { weekday: 5, startMinute: 22 * 60, endMinute: 2 * 60, modes: ["online"], towns: [] };
    const eve = slots({ weekly: [late], rules: r, now: at("2027-12-20T10:00"), from: "2027-12-31", to: "2028-01-01" });
    expect(eve.map((s) => local(s.start))).toEqual(["2027-12-31 22:00", "2027-12-31 23:00", "2028-01-01 00:00", "2028-01-01 01:00"]);
  });

  it("rejects a reversed or invalid window", () => {
    expect(slots({ from: "2026-12-02", to: "2026-12-01" })).toEqual([]);
    expect(slots({ from: "not-a-date" })).toEqual([]);
  });
});

describe("firstFreeSlot and unionSlots", () => {
  it("finds the first slot beyond the first week", () => {
    const first = firstFreeSlot({
      rules,
      weekly: [monMorning],
      overrides: [{ date: MON, unavailable: true }],
      busy: [],
      now: at("2026-11-26T10:00"),
    });
    expect(first && local(first.start)).toBe("2026-12-07 09:00");
    expect(
      firstFreeSlot({ rules: { ...rules, horizonDays: 3 }, weekly: [monMorning], overrides: [], busy: [], now: at("2026-11-26T10:00") }),
    ).toBeNull();
  });

  it("at 23:30 on 31 December in Shanghai (15:30 UTC), finds the first slot of the new year", () => {
    const saturdayNight: WeeklyRange = { weekday: 6, startMinute: 0, endMinute: 120, modes: ["online"], towns: [] };
    const now = Date.parse("2027-12-31T15:30:00Z");
    const first = firstFreeSlot({ rules: { ...rules, bufferMinutes: 0 }, weekly: [saturdayNight], overrides: [], busy: [], now });
    expect(first?.start).toBe(Date.parse("2027-12-31T16:00:00Z"));
    expect(local(first!.start)).toBe("2028-01-01 00:00");
  });

  it("merges members' slots, uniting modes", () => {
    const a = [{ start: 1, end: 2, modes: ["online" as const], towns: [] }];
    const b = [
      { start: 1, end: 2, modes: ["centre" as const], towns: ["taohua"] },
      { start: 0, end: 1, modes: ["online" as const], towns: [] },
    ];
    expect(unionSlots([a, b])).toEqual([
      { start: 0, end: 1, modes: ["online"], towns: [] },
      { start: 1, end: 2, modes: ["online", "centre"], towns: ["taohua"] },
    ]);
  });
});
