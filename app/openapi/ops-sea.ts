// The sea operations of /api/v1 (issue 9, ADR 023), listed in the description's table
// (./document.server.ts): declaring a ferry suspension, listing them, and a party's answer to the offer.
import { declareSuspensionSchema, seaOfferSchema } from "../models/sea-schemas";
import type { Operation } from "./document.server";
import { bookingSchema, seaDeclaredSchema, seaSuspensionListSchema } from "./views";

const staff = ["staff", "admin"] as const;

export function seaOperations(now: number): Operation[] {
  return [
    {
      id: "declareSeaSuspension",
      method: "post",
      path: "/api/v1/sea-suspensions",
      tag: "centre",
      access: "account",
      roles: staff,
      description:
        "Island towns only; `to` after `from`, at most 7 days later, and not already past. Every centre or on-site session (pending or confirmed, not begun) overlapping [from, to) whose party or mediator must cross the water is recorded and its party offered the same time online (when the mediator works online) and up to three free times after the suspension; the party, the mediator and the staff are notified. Nothing is cancelled.",
      body: declareSuspensionSchema(now),
      ok: { status: 201, schema: seaDeclaredSchema },
    },
    {
      id: "listSeaSuspensions",
      method: "get",
      path: "/api/v1/sea-suspensions",
      tag: "centre",
      access: "account",
      roles: staff,
      description: "The newest 50 first, each with the sessions it caught and what became of them.",
      ok: { status: 200, schema: seaSuspensionListSchema },
    },
    {
      id: "answerSeaOffer",
      method: "post",
      path: "/api/v1/bookings/{id}/sea-offer",
      tag: "bookings",
      access: "account",
      roles: ["party", "staff", "admin"],
      description:
        "The booking's party, or staff for them: `online` moves it online at the same time (its room released; 422 when the mediator was not offering online), `keep` keeps it. A booking no suspension caught, or one already answered, is a 409.",
      body: seaOfferSchema,
      ok: { status: 200, schema: bookingSchema },
      errors: [409, 422],
    },
  ];
}
