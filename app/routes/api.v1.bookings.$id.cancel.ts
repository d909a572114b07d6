import { cancelBooking } from "~/models/booking-actions.server";
import { reasonSchema } from "~/models/bookings.server";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party", "mediator"], reasonSchema, ({ user, id, body }) =>
  cancelBooking({ user, id, reason: body.reason }),
);
