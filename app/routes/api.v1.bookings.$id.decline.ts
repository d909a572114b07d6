import { declineBooking } from "~/models/booking-actions.server";
import { reasonSchema } from "~/models/booking-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["mediator", "staff", "admin"], reasonSchema, ({ user, id, body, now }) =>
  declineBooking({ user, id, reason: body.reason, now }),
);
