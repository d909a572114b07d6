import { confirmBooking } from "~/models/booking-actions.server";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["mediator", "staff", "admin"], null, ({ user, id, now }) =>
  confirmBooking({ user, id, now }),
);
