// The sea (issue 9, ADR 023): which sessions a ferry suspension catches, as a pure function (no I/O,
// time passed in). The centre is in 沈家门, on Zhoushan island itself, with the four mainland streets
// (沈家门, 东港, 展茅, 勾山: `island: false` in domain/index.ts); "crossing the water" is travelling
// between the place a person starts from and the place the session is held when one of the two is a
// suspended island town and they are not the same town. The ferry is what stops, so a suspended town
// is cut off from everywhere else, the centre's island and the other islands alike.
import { TOWNS } from "../../domain";
import { effectiveStatus, HOLDING, type StoredStatus } from "./booking-rules";

/** Where the centre is: the place a centre session is held, and where mediators set out from. */
export const CENTRE_TOWN = "shenjiamen";
/** Towns a suspension may name: the island towns (朱家尖 is bridged, but the bridge closes in a gale too). */
export const ISLAND_TOWNS: readonly string[] = TOWNS.filter((t) => t.island).map((t) => t.slug);
export const isIslandTown = (slug: string) => ISLAND_TOWNS.includes(slug);

export type Crossing = "party" | "mediator" | "both";

export interface SuspensionFacts {
  towns: readonly string[];
  fromAt: number;
  toAt: number;
  liftedAt: number | null;
}

export interface SessionFacts {
  bookingId: number;
  mode: "centre" | "online" | "onsite";
  status: StoredStatus;
  startAt: number;
  endAt: number;
  respondBy: number;
  /** The booking's town: where an on-site session is held (null otherwise). */
  bookingTown: string | null;
  /** The case's town (cases.town_slug): where the party lives or the dispute arose; null when not said. */
  caseTown: string | null;
}

/**
 * Where the party sets out from: the case's town when the case names one; otherwise, for an on-site
 * session, the town it is held in (the centre goes to the party there). A centre session of a case
 * with no town has no known starting point, so it is never flagged on a guess (staff can still see it).
 */
export function partyTownOf(s: Pick<SessionFacts, "mode" | "bookingTown" | "caseTown">): string | null {
  return s.caseTown ?? (s.mode === "onsite" ? s.bookingTown : null);
}

/** Where the session is held: the centre, or the on-site town. Online sessions are held nowhere. */
export function sessionTownOf(s: Pick<SessionFacts, "mode" | "bookingTown">): string | null {
  if (s.mode === "centre") return CENTRE_TOWN;
  if (s.mode === "onsite") return s.bookingTown;
  return null;
}

/** Travelling from `a` to `b` needs the ferries of a suspended town. */
export function crossesWater(a: string | null, b: string | null, suspended: readonly string[]): boolean {
  if (a === null || b === null || a === b) return false;
  return suspended.includes(a) || suspended.includes(b);
}

/** Who must cross the water to attend (the party from their town, the mediator from the centre), or null. */
export function crossingOf(s: Pick<SessionFacts, "mode" | "bookingTown" | "caseTown">, suspended: readonly string[]): Crossing | null {
  const place = sessionTownOf(s);
  if (place === null) return null;
  const party = crossesWater(partyTownOf(s), place, suspended);
  const mediator = s.mode === "onsite" && crossesWater(CENTRE_TOWN, place, suspended);
  return party && mediator ? "both" : party ? "party" : mediator ? "mediator" : null;
}

/** The time the ferries stand still: [fromAt, toAt), cut short when the suspension was lifted. */
export function stillUntil(s: SuspensionFacts): number {
  return s.liftedAt === null ? s.toAt : Math.min(s.toAt, s.liftedAt);
}

/** A suspension in force at some time on or after `now`: not lifted and not over. */
export const inForce = (s: SuspensionFacts, now: number) => stillUntil(s) > now && stillUntil(s) > s.fromAt;

/**
 * The sessions a suspension catches, as of `now`: centre and on-site sessions still held (pending and
 * not yet past its answer deadline, or confirmed) that have not begun, whose time overlaps the
 * half-open range [fromAt, stillUntil), and whose party or mediator must cross the water.
 */
export function affectedSessions(
  suspension: SuspensionFacts,
  sessions: readonly SessionFacts[],
  now: number,
): { bookingId: number; crossing: Crossing }[] {
  const until = stillUntil(suspension);
  const out: { bookingId: number; crossing: Crossing }[] = [];
  for (const s of sessions) {
    if (s.mode === "online") continue;
    if (!(HOLDING as readonly string[]).includes(effectiveStatus(s, now))) continue;
    if (s.startAt <= now) continue; // begun: held as it is, or over
    if (!(s.startAt < until && s.endAt > suspension.fromAt)) continue;
    const crossing = crossingOf(s, suspension.towns);
    if (crossing) out.push({ bookingId: s.bookingId, crossing });
  }
  return out;
}

/**
 * The other times offered instead, from free slots of the same mediator (already in the booking's mode
 * and town): the earliest `n` that start once the ferries run again. Not before the suspension: a
 * forecast moves, and a party who crossed before it might not get home.
 */
export function offeredTimes<T extends { start: number }>(slots: readonly T[], suspension: SuspensionFacts, n = 3): T[] {
  const until = stillUntil(suspension);
  return slots.filter((s) => s.start >= until).slice(0, n);
}
