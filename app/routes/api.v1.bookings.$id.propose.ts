import { proposeTime } from "~/models/booking-actions.server";
import { proposeTimeSchema } from "~/models/booking-proposal-schemas";
import { bookingVerb } from "~/utils/booking-route.server";

export const { loader, action } = bookingVerb(["mediator", "staff", "admin"], proposeTimeSchema, ({ user, id, body, now }) =>
  proposeTime({ user, id, ...body, now }),
);
