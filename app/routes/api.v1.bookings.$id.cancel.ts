import { cancelBooking } from "~/models/booking-actions.server";
import { reasonSchema } from "~/models/booking-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party", "mediator"], reasonSchema, ({ user, id, body, now }) =>
  cancelBooking({ user, id, reason: body.reason, now }),
);
