import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBooking } from "~/models/bookings.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    const id = parseId(params.id);
    return id === null ? notFound("Booking") : apiJson(getBooking({ user, id, now: Date.now() }));
  });
