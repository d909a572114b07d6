// The common-slot search of a 3+X panel (pure): a fixed Monday, people with weekday hours, rooms with
// held time. Each case changes one fact and asserts the one earliest start it leads to.
import { describe, expect, it } from "vitest";
import { freeIntervals, searchPanelSlots, type PersonAvailability, type RoomBusy } from "./panel-slots";

const H = 3_600_000;
const M = 60_000;
const DAY = 24 * H;
/** Monday 2030-01-07 00:00 in Shanghai. */
const MON = Date.parse("2030-01-07T00:00:00+08:00");
const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return MON + day * DAY + h * H + m * M;
};
const NOW = at(0, "00:00");
const weekdays = (start: string, end: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: toMin(start), endMinute: toMin(end) }));
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

function person(personId: number, o: Partial<PersonAvailability> = {}): PersonAvailability {
  return {
    personId,
    timezone: "Asia/Shanghai",
    weekly: weekdays("09:00", "17:00"),
    overrides: [],
    bufferMinutes: 0,
    minNoticeHours: 0,
    dailyCap: 8,
    busy: [],
    ...o,
  };
}

function search(
  people: PersonAvailability[],
  o: { rooms?: RoomBusy[]; minutes?: number; to?: number; limit?: number; seats?: number[][] } = {},
) {
  const seats = o.seats ?? people.map((p) => [p.personId]);
  return searchPanelSlots({
    seats: seats.map((candidates, i) => ({ seat: `seat-${i}`, candidates })),
    people: new Map(people.map((p) => [p.personId, p])),
    rooms: o.rooms ?? [{ roomId: 1, busy: [] }],
    from: MON,
    to: o.to ?? MON + 14 * DAY,
    minutes: o.minutes ?? 120,
    now: NOW,
    limit: o.limit ?? 1,
  });
}
const firstStart = (...args: Parameters<typeof search>) => search(...args)[0]?.start ?? null;

describe("the earliest common slot of a panel", () => {
  it("is the first hour everyone works, with everyone and a room named", () => {
    expect(search([person(1), person(2, { weekly: weekdays("13:00", "18:00") })])).toEqual([
      {
        start: at(0, "13:00"),
        end: at(0, "15:00"),
        roomId: 1,
        members: [
          { seat: "seat-0", personId: 1 },
          { seat: "seat-1", personId: 2 },
        ],
      },
    ]);
  });

  it("finds none when one member has no time at all", () => {
    expect(search([person(1), person(2), person(3, { weekly: [] })])).toEqual([]);
  });

  it("waits for a room when every room is held", () => {
    const rooms = [
      { roomId: 1, busy: [{ start: at(0, "09:00"), end: at(0, "12:00") }] },
      { roomId: 2, busy: [{ start: at(0, "08:00"), end: at(0, "11:30") }] },
    ];
    expect(search([person(1), person(2)], { rooms })[0]).toMatchObject({ start: at(0, "11:30"), roomId: 2 });
  });

  it("finds none without a room", () => {
    expect(search([person(1)], { rooms: [] })).toEqual([]);
  });

  it("keeps each member's buffer around what they hold", () => {
    const busy = [{ start: at(0, "09:00"), end: at(0, "10:00") }];
    expect(firstStart([person(1, { busy, bufferMinutes: 30 }), person(2)])).toBe(at(0, "10:30"));
    expect(firstStart([person(1, { busy, bufferMinutes: 0 }), person(2)])).toBe(at(0, "10:00"));
  });

  it("follows a date override's extra hours", () => {
    // Member 1 has no weekly hours, only Saturday the 12th's; member 2 is held every weekday.
    const sat = [
      { date: "2030-01-12", unavailable: false as const, startMinute: toMin("10:00"), endMinute: toMin("12:00"), modes: [], towns: [] },
    ];
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: toMin("08:00"), endMinute: toMin("20:00") }));
    const busyWeekdays = [0, 1, 2, 3, 4].map((d) => ({ start: at(d, "08:00"), end: at(d, "20:00") }));
    expect(firstStart([person(1, { weekly: [], overrides: sat }), person(2, { weekly: allWeek, busy: busyWeekdays, dailyCap: 9 })])).toBe(
      at(5, "10:00"),
    );
  });

  it("skips a member's day of leave", () => {
    const leave = [{ date: "2030-01-07", unavailable: true as const }];
    expect(firstStart([person(1, { overrides: leave }), person(2)])).toBe(at(1, "09:00"));
  });

  it("skips a day a member's daily cap is reached", () => {
    const busy = [{ start: at(0, "09:00"), end: at(0, "09:30") }];
    expect(firstStart([person(1, { busy, dailyCap: 1 }), person(2)])).toBe(at(1, "09:00"));
  });

  it("respects each member's minimum notice", () => {
    expect(firstStart([person(1, { minNoticeHours: 30 }), person(2)])).toBe(at(1, "09:00"));
  });

  it("finds nothing beyond the horizon", () => {
    const busy = [0, 1, 2, 3, 4].map((d) => ({ start: at(d, "09:00"), end: at(d, "17:00") }));
    expect(firstStart([person(1, { busy }), person(2)], { to: MON + 5 * DAY })).toBe(null);
    expect(firstStart([person(1, { busy }), person(2)], { to: MON + 8 * DAY })).toBe(at(7, "09:00"));
  });

  it("needs the whole length in one stretch of everyone's hours", () => {
    const p2 = person(2, { busy: [{ start: at(0, "10:30"), end: at(0, "11:00") }] });
    expect(firstStart([person(1), p2], { minutes: 120 })).toBe(at(0, "11:00"));
    expect(firstStart([person(1), p2], { minutes: 90 })).toBe(at(0, "09:00"));
    expect(firstStart([person(1), p2], { minutes: 8 * 60 + 15 })).toBe(null);
  });

  it("chooses among a seat's candidates, never one person for two seats", () => {
    const busy = [{ start: at(0, "09:00"), end: at(0, "17:00") }];
    const slot = search([person(1, { busy }), person(2), person(3)], {
      seats: [
        [1, 2],
        [2, 3],
      ],
    })[0];
    expect(slot.members).toEqual([
      { seat: "seat-0", personId: 2 },
      { seat: "seat-1", personId: 3 },
    ]);
    // Two seats, one free person: no slot that day.
    expect(
      firstStart([person(1, { busy }), person(2)], {
        seats: [
          [1, 2],
          [1, 2],
        ],
      }),
    ).toBe(at(1, "09:00"));
  });

  it("proposes later slots after the previous one ends", () => {
    expect(search([person(1)], { limit: 3, minutes: 180 }).map((s) => s.start)).toEqual([at(0, "09:00"), at(0, "12:00"), at(1, "09:00")]);
  });
});

describe("a person's free intervals", () => {
  it("are their hours from notice on, less held time", () => {
    const p = person(1, { busy: [{ start: at(0, "10:00"), end: at(0, "11:00") }], minNoticeHours: 0 });
    expect(freeIntervals(p, MON, MON + DAY, NOW)).toEqual([
      { start: at(0, "09:00"), end: at(0, "10:00") },
      { start: at(0, "11:00"), end: at(0, "17:00") },
    ]);
  });
});
