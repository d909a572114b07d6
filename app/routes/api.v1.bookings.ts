import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createBooking } from "~/models/booking-create.server";
import { createBookingSchema, pageSchema } from "~/models/booking-schemas";
import { listBookings } from "~/models/bookings.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, invalid, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

/** `?page&perPage` (at most 100): `{bookings, total, page, perPage}`, newest session first. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    const page = pageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!page.success) return invalid(page.error);
    return apiJson(listBookings({ user, page: page.data, now: Date.now() }));
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const { user } = requireApiUser(request, ["party"]);
    const input = await readJson(request, createBookingSchema);
    const { booking, replayed } = await createBooking({ party: user, input, now: Date.now() });
    return apiJson(booking, { status: 201, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
  });
