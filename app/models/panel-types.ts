// The shapes of 3+X joint panels (会商研判, issue 9) as pages and the API see them: no database, no
// rules, so the pages and the API build against them while the model changes underneath. Times are
// ISO 8601 with the Shanghai offset, like every other view. ADR 027: a panel member is a `person`
// (a row of `mediators`, listed in the public pool or not) holding a panel role.

export {
  PANEL_MEMBER_STATUSES,
  PANEL_OUTCOMES,
  PANEL_ROLES,
  PANEL_SEVERITIES,
  PANEL_STATUSES,
  type PanelMemberStatus,
  type PanelOutcome,
  type PanelRole,
  type PanelStatus,
} from "../../domain/panel";
import type { PanelMemberStatus, PanelOutcome, PanelRole, PanelStatus } from "../../domain/panel";

/**
 * A seat as the API names it: "judge", "chief-mediator", "legal-aid-lawyer" or "department:<category>"
 * (a representative of the department concerned by that category, e.g. "department:labour").
 */
export type PanelSeat = string;

/** One person who can take a role (panelCandidates). */
export interface PanelCandidateView {
  personId: number;
  name: string;
  title: string;
  organisation: string | null;
  role: PanelRole;
  /** For a department seat: the category whose department they represent. */
  category: string | null;
  seat: PanelSeat;
  /** In the public pool too (a pool mediator may hold a role, e.g. the chief mediator). */
  listed: boolean;
}

/** One proposed common slot (suggestPanelSlots): everyone listed and the room are free then. */
export interface PanelSlotView {
  start: string;
  end: string;
  roomId: number;
  roomName: string;
  members: { role: PanelSeat; personId: number; name: string }[];
}

export interface PanelSuggestionView {
  timezone: string;
  slots: PanelSlotView[];
}

export interface PanelMemberView {
  personId: number;
  name: string;
  title: string;
  organisation: string | null;
  role: PanelRole;
  category: string | null;
  seat: PanelSeat;
  status: PanelMemberStatus;
  respondedAt: string | null;
  /** Staff answered for this member (by phone): their name, else null. */
  respondedByStaffName: string | null;
  /** This seat is the viewer's own. */
  isViewer: boolean;
  /** Staff may seat a replacement: the seat is declined and no one has taken its place yet. */
  replaceable: boolean;
}

/** 会商纪要: who said what, the plan decided, dissent, and the outcome. */
export interface PanelMinutesEntryView {
  /** The member who spoke (null for someone not seated, e.g. a party's representative). */
  personId: number | null;
  speaker: string;
  said: string;
}

export interface PanelMinutesView {
  entries: PanelMinutesEntryView[];
  plan: string;
  dissent: string;
  outcome: PanelOutcome;
  recordedAt: string;
  recordedByName: string;
}

export interface PanelActions {
  /** Staff: book, cancel, record minutes. */
  recordMinutes: boolean;
  /** The viewer holds a seat they may answer (staff may answer for any member: `respondFor`). */
  confirm: boolean;
  decline: boolean;
  /** Staff may confirm or decline for members (who have no account or answered by phone). */
  respondFor: boolean;
  /** Staff may cancel the booked panel (with a reason). */
  cancel: boolean;
}

export interface PanelView {
  id: number;
  caseId: number;
  caseNumber: string;
  category: string;
  severity: string;
  /**
   * The case's summary: staff and seated members only (it may name people; never in a listing for
   * others). Parties' names and phones are never part of a panel view.
   */
  summary: string;
  status: PanelStatus;
  /** Why staff cancelled the panel (null unless cancelled). */
  cancelReason: string | null;
  bookingId: number;
  start: string;
  end: string;
  minutesLength: number;
  roomId: number;
  roomName: string;
  members: PanelMemberView[];
  minutes: PanelMinutesView | null;
  createdAt: string;
  actions: PanelActions;
}

/** A line of listPanels: what a panel is about and when, without minutes. */
export type PanelListItem = Omit<PanelView, "minutes" | "summary">;

/** Inputs as the model takes them (routes parse with the zod schemas of panel-schemas.ts). */
export interface PanelMemberInput {
  role: PanelSeat;
  personId: number;
}
export interface PanelMinutesEntryInput {
  personId: number | null;
  speaker?: string;
  said: string;
}

/** Why a panel step was refused: DomainError.detail = { field: "_", reason } (words in messages-panel-rules.ts). */
export const PANEL_REFUSAL_REASONS = [
  "panel_not_major", // the case is `simple`: panels are for major and group cases
  "panel_exists", // the case already has a booked panel
  "not_a_candidate", // a member cannot take that seat
  "duplicate_member", // one person in two seats
  "seat_answered", // the seat was answered already (confirm twice, or after declining)
  "panel_not_booked", // cancelled, or minutes recorded already
  "no_room", // the room is not a room of the centre, or inactive
  "panel_not_started", // minutes before the panel has sat
  "not_chief", // minutes by staff or the chief mediator only
  "seat_not_declined", // a replacement is seated only in place of a declined member
  "seat_filled", // the declined seat has been filled by a replacement already
  "already_seated", // the replacement already holds a seat on this panel
] as const;
export type PanelRefusalReason = (typeof PANEL_REFUSAL_REASONS)[number];

/**
 * The model's functions (app/models/panels.server.ts), all taking `db` first, `now` as epoch ms:
 * - panelCandidates(db, { role: PanelRole, category?: string }) → PanelCandidateView[]
 * - suggestPanelSlots(db, { caseId, roles: PanelSeat[], from: "YYYY-MM-DD", to: "YYYY-MM-DD", minutes, actor, now,
 *     limit? }) → PanelSuggestionView
 * - bookPanel(db, { caseId, start: epoch ms, minutes, roomId, members: PanelMemberInput[], actor, now })
 *     → Promise<PanelView>   (409 slot_taken: nothing booked)
 * - respondToPanelSeat(db, { panelId, personId, answer: "confirm" | "decline", actor, now }) → Promise<PanelView>
 * - recordPanelMinutes(db, { panelId, entries: PanelMinutesEntryInput[], plan, dissent, outcome, actor, now })
 *     → Promise<PanelView>
 * - replacementCandidates(db, { panelId, declinedPersonId, actor, now }) → PanelCandidateView[]
 * - replacePanelMember(db, { panelId, declinedPersonId, personId, actor, now }) → Promise<PanelView>  (409 slot_taken)
 * - cancelPanel(db, { panelId, reason, actor, now }) → Promise<PanelView>
 * - getCasePanel(db, { caseId, viewer }) → PanelView | null   (null: no panel, or not entitled)
 * - listPanels(db, { viewer, from?: epoch ms, to?: epoch ms }) → PanelListItem[]
 * `actor`/`viewer` is the signed-in User (app/models/auth.server.ts).
 */
export type PanelAnswer = "confirm" | "decline";
