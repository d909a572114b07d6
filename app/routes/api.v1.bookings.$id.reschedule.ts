import { rescheduleBooking } from "~/models/booking-actions.server";
import { rescheduleSchema } from "~/models/booking-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["party"], rescheduleSchema, ({ user, id, body, now }) =>
  rescheduleBooking({ user, id, ...body, now }),
);
