import { rescheduleBooking } from "~/models/booking-actions.server";
import { rescheduleSchema } from "~/models/bookings.server";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party"], rescheduleSchema, ({ user, id, body }) =>
  rescheduleBooking({ user, id, ...body }),
);
