// The names of the API's operations and of the groups they are listed in: the OpenAPI operationIds and
// tags, and the keys of their summaries in app/i18n/messages-api-docs.ts (so a new operation without
// words in both languages is a type error). The operations themselves: ./document.server.ts.

export const TAG_IDS = ["pool", "accounts", "bookings", "cases", "centre", "meta"] as const;
export type TagId = (typeof TAG_IDS)[number];

export const OPERATION_IDS = [
  "searchPool",
  "getMediator",
  "getMediatorSlots",
  "getMediatorRecord",
  "getCommittee",
  "getCommitteeSlots",
  "getCommitteeRecord",
  "createToken",
  "revokeToken",
  "register",
  "logoutEverywhere",
  "getMe",
  "getAvailability",
  "putAvailability",
  "listBookings",
  "createBooking",
  "getBooking",
  "confirmBooking",
  "declineBooking",
  "cancelBooking",
  "rescheduleBooking",
  "getBookingAlternatives",
  "getBookingCalendar",
  "listCases",
  "fileCase",
  "getCase",
  "consentCase",
  "acknowledgeAgreement",
  "recordOutcome",
  "recordJudicialConfirmation",
  "recordFulfilment",
  "rateCase",
  "withdrawCase",
  "getCaseAudit",
  "getAgreementPdf",
  "hideRating",
  "getStats",
  "getWorkQueue",
  "flagPreLitigation",
  "getOpenApi",
  "declareSeaSuspension",
  "listSeaSuspensions",
  "answerSeaOffer",
] as const;
export type OperationId = (typeof OPERATION_IDS)[number];
