// POST /api/v1/bookings/:id/sea-offer {accept: "online" | "keep"} (issue 9, ADR 023): the party of a
// session a ferry suspension caught (or staff for them) takes the same time online or keeps it.
// Someone else's booking is a 404; a booking with no open offer a 409.
import { answerSeaOffer } from "~/models/sea-offer.server";
import { seaOfferSchema } from "~/models/sea-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party", "staff", "admin"], seaOfferSchema, ({ user, id, body, now }) =>
  answerSeaOffer({ user, id, answer: body.accept, now }),
);
