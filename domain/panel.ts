// The vocabulary of 3+X joint panels (会商研判, issue 9) and of booking participants (ADR 027): the
// schema, the models and the pages spell these from here.

/** The roles a seat on a panel is taken in: 3 (judge, chief mediator, legal-aid lawyer) + X departments. */
export const PANEL_ROLES = ["judge", "chief-mediator", "legal-aid-lawyer", "department"] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/**
 * The pre-litigation team's roles (诉前调解, ADR 035): its mediators, who take the fast track's cases,
 * and the judges who guide them. Held in panel_roles like the panel's, but never a seat on a panel.
 */
export const TEAM_ROLES = ["pre-litigation-mediator", "pre-litigation-judge"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Every role a person can hold at the centre beyond the public pool: a panel's seats and the team's. */
export const PERSON_ROLES = [...PANEL_ROLES, ...TEAM_ROLES] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

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
