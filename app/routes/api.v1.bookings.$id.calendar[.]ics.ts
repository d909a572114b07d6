import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { getBooking } from "~/models/bookings.server";
import { apiError, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { getAuth } from "~/utils/auth.server";
import { bookingIcs } from "~/utils/booking-ics.server";

// Also reached from the booking page by a plain link, so a cookie session is accepted as well.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const auth = getAuth(request);
    if (!auth) return apiError(401, "unauthorized", "Sign in or send a bearer token");
    const id = parseId(params.id);
    if (id === null) return notFound("Booking");
    const now = Date.now();
    const booking = getBooking({ user: auth.user, id, now });
    if (booking.status !== "confirmed") return apiError(409, "not_confirmed", "Only confirmed bookings have a calendar file");
    return new Response(bookingIcs(booking, new URL(request.url).hostname, getLocale(request), now), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="booking-${booking.id}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
