// The booking journey's operations of /api/v1 (issue 11, ADR 029), listed in the description's table
// (./document.server.ts): the mediator side proposes another time for a confirmed session, and the
// party accepts or refuses it.
import { proposalAnswerSchema, proposeTimeSchema } from "../models/booking-proposal-schemas";
import type { Operation } from "./document.server";
import { bookingSchema } from "./views";

export function journeyOperations(): Operation[] {
  return [
    {
      id: "proposeBookingTime",
      method: "post",
      path: "/api/v1/bookings/{id}/propose",
      tag: "bookings",
      access: "account",
      roles: ["mediator", "staff", "admin"],
      description:
        "A confirmed session's mediator (or staff for them) proposes another free time of the same mediator, in the session's mode and town, with an optional note for the party. Nothing moves until the party accepts. Allowed until the minimum notice before the session, one change at a time (409 while a move or a proposal waits); a time that is not a free slot is a 422.",
      body: proposeTimeSchema,
      ok: { status: 200, schema: bookingSchema },
      errors: [409, 422],
    },
    {
      id: "answerBookingProposal",
      method: "post",
      path: "/api/v1/bookings/{id}/proposal",
      tag: "bookings",
      access: "account",
      roles: ["party"],
      description:
        "The party answers the mediator's proposed time. `accept: true` moves the session there, confirmed at once (the answer is the new booking; the old one is cancelled as rescheduled); a time taken meanwhile is a 409. `accept: false` clears the proposal and the session stands. Without an open proposal, 409.",
      body: proposalAnswerSchema,
      ok: { status: 200, schema: bookingSchema },
      errors: [409, 422],
    },
  ];
}
