// The vocabulary of 3+X joint panels (会商研判, issue 9) and of booking participants (ADR 027): the
// schema, the models and the pages spell these from here.

/** The roles a seat on a panel is taken in: 3 (judge, chief mediator, legal-aid lawyer) + X departments. */
export const PANEL_ROLES = ["judge", "chief-mediator", "legal-aid-lawyer", "department"] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/** booked: time held, members invited; held: minutes recorded; cancelled: time released. */
export const PANEL_STATUSES = ["booked", "held", "cancelled"] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

export const PANEL_MEMBER_STATUSES = ["invited", "confirmed", "declined"] as const;
export type PanelMemberStatus = (typeof PANEL_MEMBER_STATUSES)[number];

/** What the panel concluded (its outcome), beside the plan in words. */
export const PANEL_OUTCOMES = ["plan-adopted", "further-panel", "referred-to-litigation"] as const;
export type PanelOutcome = (typeof PANEL_OUTCOMES)[number];

/** Severities a panel may be convened for. */
export const PANEL_SEVERITIES = ["major", "group"] as const;

/**
 * Why a person holds time in a booking: `mediator` is the booking's own mediator (kept by triggers
 * from bookings.mediator_id); `panel-member` is a seat on the panel the booking holds.
 */
export const PARTICIPANT_ROLES = ["mediator", "panel-member"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
