// Which sessions an availability covers (stranded-sessions.server.ts `covers`): the hours that start
// on the session's day or run into it past midnight, its mode and town, and no day off under either end.
import { describe, expect, it } from "vitest";
import { covers } from "./stranded-sessions.server";

const ZONE = "Asia/Shanghai";
/** 2026-12-07 is a Monday; instants in Beijing time. */
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`);
const session = (
  date: string,
  start: string,
  end: string,
  mode: "centre" | "online" | "onsite" = "online",
  town: string | null = null,
) => ({
  startAt: at(date, start),
  endAt: at(date, end),
  mode,
  town,
});
const monday = (startMinute: number, endMinute: number, modes: ("centre" | "online" | "onsite")[] = ["online"], towns: string[] = []) => ({
  weekly: [{ weekday: 1, startMinute, endMinute, modes, towns }],
  overrides: [],
});

describe("covers", () => {
  it("holds a session inside the hours, off the slot grid too", () => {
    expect(covers(monday(9 * 60, 17 * 60), ZONE, session("2026-12-07", "10:30", "11:30"))).toBe(true);
  });
  it("not one that runs past the end of the hours", () => {
    expect(covers(monday(9 * 60, 17 * 60), ZONE, session("2026-12-07", "16:30", "17:30"))).toBe(false);
  });
  it("not one in a mode the hours do not offer", () => {
    expect(covers(monday(9 * 60, 17 * 60), ZONE, session("2026-12-07", "10:00", "11:00", "centre"))).toBe(false);
  });
  it("on site only in the towns of the hours", () => {
    const hours = monday(9 * 60, 17 * 60, ["onsite"], ["liuheng"]);
    expect([
      covers(hours, ZONE, session("2026-12-07", "10:00", "11:00", "onsite", "liuheng")),
      covers(hours, ZONE, session("2026-12-07", "10:00", "11:00", "onsite", "taohua")),
    ]).toEqual([true, false]);
  });
  it("hours of the day before that run past midnight", () => {
    expect(covers(monday(22 * 60, 2 * 60), ZONE, session("2026-12-08", "00:30", "01:30"))).toBe(true);
  });
  it("a day off takes the session out, and a date's own hours put one in", () => {
    const off = { ...monday(9 * 60, 17 * 60), overrides: [{ date: "2026-12-07", unavailable: true as const }] };
    const extra = {
      weekly: [],
      overrides: [
        { date: "2026-12-12", unavailable: false as const, startMinute: 9 * 60, endMinute: 12 * 60, modes: ["online" as const], towns: [] },
      ],
    };
    expect([
      covers(off, ZONE, session("2026-12-07", "10:00", "11:00")),
      covers(extra, ZONE, session("2026-12-12", "10:00", "11:00")),
    ]).toEqual([false, true]);
  });
});
