import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { getBooking } from "~/models/bookings.server";
import { bookingPageUrl, onlineRoomUrl } from "~/models/centre-info.server";
import { apiError, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { getAuth } from "~/utils/auth.server";
import { bookingIcs, icsSessionOf } from "~/utils/booking-ics.server";

// Also reached from the booking page by a plain link, so a cookie session is accepted as well. Any
// booking its viewer may see has a file from the moment it is requested (TENTATIVE until confirmed,
// CANCELLED once it will not take place), so a party can put the time in their calendar at once.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const auth = getAuth(request);
    if (!auth) return apiError(401, "unauthorized", "Sign in or send a bearer token");
    const id = parseId(params.id);
    if (id === null) return notFound("Booking");
    const now = Date.now();
    const booking = getBooking({ user: auth.user, id, now });
    const session = icsSessionOf(booking, { link: bookingPageUrl(booking.id), roomLink: onlineRoomUrl(booking.id) });
    return new Response(bookingIcs(session, new URL(request.url).hostname, getLocale(request), now), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="booking-${booking.id}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
