// How a booking is shown: API shape with times in ISO 8601 with the Shanghai offset, the status as of
// `now` (an overdue request reads as expired), and the actions this viewer may take.
import type { bookings, cases } from "../../db/schema";
import { CENTRE_TIMEZONE } from "../../domain";
import { isoInZone } from "../../domain/zone";
import { allowedActions, effectiveStatus, HOLDING, type BookingActions, type BookingViewer } from "./booking-rules";

export const iso = (ms: number) => isoInZone(ms, CENTRE_TIMEZONE);

type BookingRow = typeof bookings.$inferSelect;
type CaseRow = Pick<typeof cases.$inferSelect, "category" | "description" | "counterpartyName" | "number" | "status">;

export interface BookingView {
  id: number;
  caseId: number;
  /** The number people see and say (普调〔2026〕00123号): the booking has no number of its own for people. */
  caseNumber: string;
  /**
   * The case still waits for the other side to agree on the mediator: the mediator may confirm the
   * time, but the session takes place only once both sides have agreed.
   */
  awaitingConsent: boolean;
  status: BookingRow["status"];
  mediatorId: number;
  mediatorName: string;
  committeeId: number | null;
  committeeName: string | null;
  assignmentReason: string;
  start: string;
  end: string;
  mode: BookingRow["mode"];
  town: string | null;
  room: string | null;
  respondBy: string;
  category: string;
  summary: string;
  /** Only for those entitled to see it: the party, the booked mediator, the centre's staff. */
  counterpartyName: string | null;
  partyName: string;
  declineReason: string | null;
  cancelReason: string | null;
  cancelledBy: BookingRow["cancelledBy"];
  rescheduledFromId: number | null;
  /**
   * The centre staff member who confirmed or declined for the mediator ("由工作人员 张三 代 李四 确认");
   * null when the mediator answered themselves or no one has yet.
   */
  actedByName: string | null;
  /**
   * Declined with another free time of the same mediator proposed instead (the party may book it), or,
   * on a confirmed session, a time the mediator proposes to move it to (the party accepts or refuses).
   */
  proposedStart: string | null;
  /** A confirmed session's move that waits for the mediator: the session keeps its time meanwhile. */
  pendingChange: { id: number; start: string; respondBy: string } | null;
  /** This request moves a confirmed session, which stands until this one is confirmed. */
  changeOf: { id: number; start: string } | null;
  /** On site: where the mediator meets the party. */
  meetingPoint: string | null;
  /**
   * How to reach the party: for the party themselves, and for the booked mediator once the session is
   * confirmed; null for everyone else (centre staff included) and before confirmation.
   */
  partyContact: { phone: string | null; contactPhone: string | null } | null;
  createdAt: string;
  /** Who is looking, relative to this booking, and what they may do now. */
  viewer: BookingViewer;
  actions: BookingActions;
}

export interface ViewFacts {
  mediatorName: string;
  committeeName: string | null;
  roomName: string | null;
  partyName: string;
  actedByName?: string | null;
  minNoticeHours: number;
  partyPhone?: string | null;
  /** The newest pending booking rescheduled from this one (its answer deadline decides if it is open). */
  change?: { id: number; startAt: number; respondBy: number } | null;
  /** The booking this one was rescheduled from, as it stands now. */
  origin?: { status: BookingRow["status"]; startAt: number } | null;
}

/** Who may reach the party: themselves, and their mediator for a confirmed session. Nobody else. */
export function mayContactParty(viewer: BookingViewer, status: BookingRow["status"]): boolean {
  return viewer === "party" || (viewer === "mediator" && status === "confirmed");
}

export function toBookingView(b: BookingRow, c: CaseRow, facts: ViewFacts, viewer: BookingViewer, now: number): BookingView {
  const status = effectiveStatus(b, now);
  const change = facts.change && facts.change.respondBy > now && status === "confirmed" ? facts.change : null;
  return {
    id: b.id,
    caseId: b.caseId,
    caseNumber: c.number ?? "",
    awaitingConsent: c.status === "submitted" && (HOLDING as readonly string[]).includes(effectiveStatus(b, now)),
    status: effectiveStatus(b, now),
    mediatorId: b.mediatorId,
    mediatorName: facts.mediatorName,
    committeeId: b.committeeId,
    committeeName: facts.committeeName,
    assignmentReason: b.assignmentReason,
    start: iso(b.startAt),
    end: iso(b.endAt),
    mode: b.mode,
    town: b.town,
    room: facts.roomName,
    respondBy: iso(b.respondBy),
    category: c.category,
    summary: c.description,
    counterpartyName: c.counterpartyName,
    partyName: facts.partyName,
    declineReason: b.declineReason,
    cancelReason: b.cancelReason,
    cancelledBy: b.cancelledBy,
    rescheduledFromId: b.rescheduledFromId,
    actedByName: b.actedByUserId ? (facts.actedByName ?? null) : null,
    proposedStart: b.proposedStartAt === null ? null : iso(b.proposedStartAt),
    pendingChange: change ? { id: change.id, start: iso(change.startAt), respondBy: iso(change.respondBy) } : null,
    changeOf:
      b.rescheduledFromId !== null && facts.origin?.status === "confirmed" && status === "pending"
        ? { id: b.rescheduledFromId, start: iso(facts.origin.startAt) }
        : null,
    meetingPoint: b.meetingPoint,
    partyContact: mayContactParty(viewer, status) ? { phone: facts.partyPhone ?? null, contactPhone: b.contactPhone } : null,
    createdAt: iso(b.createdAt.getTime()),
    viewer,
    actions: allowedActions({ ...b, openChange: change !== null }, viewer, { now, minNoticeHours: facts.minNoticeHours }),
  };
}
