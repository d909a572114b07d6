// The model schemas' own messages, as codes rather than sentences: the API shows each in English and a
// page in its language (app/i18n/validation.ts has every code in both, checked by the type below), so
// nothing ever matches a message's text.
export const ISSUES = {
  emailInvalid: "email_invalid",
  passwordMin: "password_min_8",
  passwordMax: "password_max_200",
  nameRequired: "name_required",
  phoneFormat: "phone_format",
  timeFormat: "time_format",
  dateFormat: "date_format",
  dateUnreal: "date_unreal",
  modesRequired: "modes_required",
  onsiteHoursNeedTowns: "onsite_hours_need_towns",
  townsOnsiteHoursOnly: "towns_onsite_hours_only",
  endEqualsStart: "end_equals_start",
  dateTwice: "date_twice",
  onsiteNeedsTown: "onsite_needs_town",
  townOnsiteOnly: "town_onsite_only",
  summaryMin: "summary_min_5",
  reasonMin: "reason_min_2",
  instantFormat: "instant_format",
  oneSubject: "one_of_mediator_committee",
  idempotencyKeyFormat: "idempotency_key_format",
  mediatorLinkRequired: "mediator_link_required",
  mediatorLinkOnlyForMediators: "mediator_link_only_for_mediators",
  mediatorUnknown: "mediator_unknown",
  mediatorHasAccount: "mediator_has_account",
  adminOnly: "admin_only",
  agreementsExceedClosed: "agreements_exceed_closed",
  toBeforeFrom: "to_before_from",
  rangeTooLong: "range_too_long",
} as const;
export type IssueCode = (typeof ISSUES)[keyof typeof ISSUES];
