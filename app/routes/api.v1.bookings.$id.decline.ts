import { declineBooking } from "~/models/booking-actions.server";
import { reasonSchema } from "~/models/bookings.server";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["mediator"], reasonSchema, ({ user, id, body }) =>
  declineBooking({ user, id, reason: body.reason }),
);
