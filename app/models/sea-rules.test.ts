import { describe, expect, it } from "vitest";
import {
  affectedSessions,
  crossesWater,
  crossingOf,
  inForce,
  ISLAND_TOWNS,
  offeredTimes,
  partyTownOf,
  type SessionFacts,
  type SuspensionFacts,
} from "./sea-rules";

const H = 3_600_000;
// A fixed instant: the rules read no clock, so the tests need none.
const NOW = Date.UTC(2030, 5, 10, 0, 0);
const storm: SuspensionFacts = { towns: ["liuheng", "taohua"], fromAt: NOW + 10 * H, toAt: NOW + 34 * H, liftedAt: null };

let nextId = 1;
function session(o: Partial<SessionFacts> = {}): SessionFacts {
  const startAt = o.startAt ?? NOW + 12 * H;
  return {
    bookingId: nextId++,
    mode: "centre",
    status: "confirmed",
    startAt,
    endAt: startAt + H,
    respondBy: NOW + 5 * H,
    bookingTown: null,
    caseTown: "liuheng",
    ...o,
  };
}
const caught = (s: SessionFacts, sus = storm, now = NOW) => affectedSessions(sus, [s], now)[0]?.crossing ?? null;

describe("which towns count", () => {
  it("only island towns may be suspended; the centre's own streets are mainland", () => {
    expect(ISLAND_TOWNS).toEqual(["zhujiajian", "liuheng", "taohua", "xiazhi", "dongji", "putuoshan"]);
    for (const mainland of ["shenjiamen", "donggang", "zhanmao", "goushan"]) expect(ISLAND_TOWNS).not.toContain(mainland);
  });

  it("crossing the water needs a suspended town at one end and two different places", () => {
    expect(crossesWater("liuheng", "shenjiamen", ["liuheng"])).toBe(true);
    expect(crossesWater("shenjiamen", "liuheng", ["liuheng"])).toBe(true);
    expect(crossesWater("liuheng", "liuheng", ["liuheng"])).toBe(false);
    // Between two islands: the suspended one's ferry is needed.
    expect(crossesWater("taohua", "liuheng", ["liuheng"])).toBe(true);
    // An island whose ferries still run is not cut off.
    expect(crossesWater("xiazhi", "shenjiamen", ["liuheng"])).toBe(false);
    expect(crossesWater("donggang", "shenjiamen", ["liuheng"])).toBe(false);
    expect(crossesWater(null, "shenjiamen", ["liuheng"])).toBe(false);
  });
});

describe("who must cross", () => {
  it("a centre session: the party from a suspended island town; a mainland or unsuspended party does not", () => {
    expect(crossingOf({ mode: "centre", bookingTown: null, caseTown: "liuheng" }, ["liuheng"])).toBe("party");
    expect(crossingOf({ mode: "centre", bookingTown: null, caseTown: "donggang" }, ["liuheng"])).toBeNull();
    expect(crossingOf({ mode: "centre", bookingTown: null, caseTown: "xiazhi" }, ["liuheng"])).toBeNull();
    // No town on the case: no known starting point, no guess.
    expect(crossingOf({ mode: "centre", bookingTown: null, caseTown: null }, ["liuheng"])).toBeNull();
  });

  it("an on-site session in a suspended town: the mediator crosses; the party is already there", () => {
    expect(crossingOf({ mode: "onsite", bookingTown: "liuheng", caseTown: "liuheng" }, ["liuheng"])).toBe("mediator");
    expect(crossingOf({ mode: "onsite", bookingTown: "liuheng", caseTown: null }, ["liuheng"])).toBe("mediator");
    expect(partyTownOf({ mode: "onsite", bookingTown: "liuheng", caseTown: null })).toBe("liuheng");
  });

  it("an on-site session elsewhere of a party from a suspended island: the party crosses; both when both ends are cut off", () => {
    expect(crossingOf({ mode: "onsite", bookingTown: "donggang", caseTown: "liuheng" }, ["liuheng"])).toBe("party");
    expect(crossingOf({ mode: "onsite", bookingTown: "taohua", caseTown: "liuheng" }, ["liuheng", "taohua"])).toBe("both");
    expect(crossingOf({ mode: "onsite", bookingTown: "xiazhi", caseTown: "xiazhi" }, ["liuheng"])).toBeNull();
  });

  it("an online session is never affected", () => {
    expect(crossingOf({ mode: "online", bookingTown: null, caseTown: "liuheng" }, ["liuheng"])).toBeNull();
    expect(caught(session({ mode: "online" }))).toBeNull();
  });
});

describe("the affected set", () => {
  it("centre vs onsite vs online, island vs mainland party", () => {
    const sessions = [
      session({ mode: "centre", caseTown: "liuheng" }),
      session({ mode: "centre", caseTown: "shenjiamen" }),
      session({ mode: "onsite", bookingTown: "taohua", caseTown: "taohua" }),
      session({ mode: "onsite", bookingTown: "zhanmao", caseTown: "zhanmao" }),
      session({ mode: "online", caseTown: "liuheng" }),
    ];
    expect(affectedSessions(storm, sessions, NOW)).toEqual([
      { bookingId: sessions[0].bookingId, crossing: "party" },
      { bookingId: sessions[2].bookingId, crossing: "mediator" },
    ]);
  });

  it("the range is half-open: a session ending as it begins, or starting as it ends, is not caught", () => {
    expect(caught(session({ startAt: storm.fromAt - H }))).toBeNull(); // ends exactly at fromAt
    expect(caught(session({ startAt: storm.fromAt - H + 1 }))).toBe("party"); // one ms inside
    expect(caught(session({ startAt: storm.fromAt }))).toBe("party");
    expect(caught(session({ startAt: storm.toAt - 1 }))).toBe("party");
    expect(caught(session({ startAt: storm.toAt }))).toBeNull();
  });

  it("only sessions still held and not yet begun", () => {
    expect(caught(session({ status: "pending", respondBy: NOW + H }))).toBe("party");
    // Pending past its answer deadline reads as expired.
    expect(caught(session({ status: "pending", respondBy: NOW - 1 }))).toBeNull();
    for (const status of ["declined", "cancelled", "expired"] as const) expect(caught(session({ status }))).toBeNull();
    // The storm has begun and so has the session: nothing to offer for it.
    const s = session({ startAt: storm.fromAt + H });
    expect(caught(s, storm, s.startAt)).toBeNull();
    expect(caught(s, storm, s.startAt - 1)).toBe("party");
  });

  it("a lifted suspension catches only what overlaps the time before it was lifted", () => {
    const lifted = { ...storm, liftedAt: storm.fromAt + 4 * H };
    expect(caught(session({ startAt: storm.fromAt + H }), lifted)).toBe("party");
    expect(caught(session({ startAt: storm.fromAt + 4 * H }), lifted)).toBeNull();
    expect(caught(session(), { ...storm, liftedAt: storm.fromAt - H })).toBeNull();
    expect(inForce(lifted, NOW)).toBe(true);
    expect(inForce(lifted, lifted.liftedAt)).toBe(false);
    expect(inForce({ ...storm, liftedAt: NOW - 1 }, NOW)).toBe(false);
  });

  it("other times offered start once the ferries run again, at most three", () => {
    const slots = [-2, 0, 1, 2, 3, 4].map((h) => ({ start: storm.toAt + h * H }));
    expect(offeredTimes(slots, storm).map((s) => (s.start - storm.toAt) / H)).toEqual([0, 1, 2]);
    const lifted = { ...storm, liftedAt: storm.toAt - 3 * H };
    expect(offeredTimes(slots, lifted, 2).map((s) => (s.start - storm.toAt) / H)).toEqual([-2, 0]);
  });
});
