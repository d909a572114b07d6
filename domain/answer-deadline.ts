// When a booking request must be answered (ADR 029). The mediator answers within the response window,
// and always well before the session: 12 hours before it, 24 hours when the session needs a sea
// crossing (a party from an island town coming to the centre, or an on-site session in an island
// town, which the mediator reaches by ferry), so nobody sets out, or boards the ferry, on an
// unanswered request. A time too close for that can only be taken from a mediator who confirms at
// once (their instant-confirm setting). Pure: every time is an argument, in epoch milliseconds.
import { TOWNS } from "./index";

const HOUR = 3_600_000;
/** The answer is due at least this long before the session… */
export const ANSWER_LEAD_HOURS = 12;
/** …or this long when someone must cross the water to attend. */
export const SEA_ANSWER_LEAD_HOURS = 24;
/** A request the mediator would have less than this to answer is not worth asking: instant only. */
export const MIN_ANSWER_HOURS = 1;

export interface DeadlineFacts {
  /** When the request is made. */
  createdAt: number;
  /** When the session starts. */
  startAt: number;
  /** The centre's response window (BOOKING_RESPONSE_HOURS). */
  responseHours: number;
  mode: "centre" | "onsite" | "online";
  /** The on-site town (null otherwise). */
  sessionTown: string | null;
  /** Where the party sets out from (the case's town), when said. */
  partyTown: string | null;
}

const isIsland = (town: string | null) => TOWNS.some((t) => t.slug === town && t.island);

/** Does attending this session need a crossing? Online sessions never do. */
export function needsSeaCrossing(f: Pick<DeadlineFacts, "mode" | "sessionTown" | "partyTown">): boolean {
  if (f.mode === "online") return false;
  if (f.mode === "onsite") return isIsland(f.sessionTown) || (isIsland(f.partyTown) && f.partyTown !== f.sessionTown);
  return isIsland(f.partyTown);
}

export function answerLeadHours(f: Pick<DeadlineFacts, "mode" | "sessionTown" | "partyTown">): number {
  return needsSeaCrossing(f) ? SEA_ANSWER_LEAD_HOURS : ANSWER_LEAD_HOURS;
}

export type Deadline =
  /** Ask the mediator, who must answer by `respondBy`. */
  | { kind: "ask"; respondBy: number; leadHours: number }
  /** Too close to ask: only a mediator who confirms at once can take it. */
  | { kind: "instant-only"; leadHours: number; latestAskAt: number };

/** respondBy = min(created + response window, start − lead); instant-only when that leaves under an hour. */
export function answerDeadline(f: DeadlineFacts): Deadline {
  const leadHours = answerLeadHours(f);
  const latest = f.startAt - leadHours * HOUR;
  const respondBy = Math.min(f.createdAt + f.responseHours * HOUR, latest);
  if (respondBy - f.createdAt < MIN_ANSWER_HOURS * HOUR) return { kind: "instant-only", leadHours, latestAskAt: latest - MIN_ANSWER_HOURS * HOUR };
  return { kind: "ask", respondBy, leadHours };
}

/**
 * The notice a slot listing applies: the mediator's own, and for a mediator who does not confirm at
 * once at least the shortest lead plus an hour to answer, so no time is offered that no request could
 * be answered in time for (a sea crossing's longer lead is judged when the party's town is known).
 */
export function bookableNoticeHours(minNoticeHours: number, instantConfirm: boolean): number {
  return instantConfirm ? minNoticeHours : Math.max(minNoticeHours, ANSWER_LEAD_HOURS + MIN_ANSWER_HOURS);
}
