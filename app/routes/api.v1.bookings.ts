import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createBookingAsync, createBookingSchema, listBookings } from "~/models/bookings.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    return apiJson({ bookings: listBookings({ user }) });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const { user } = requireApiUser(request, ["party"]);
    const input = await readJson(request, createBookingSchema);
    const { booking, replayed } = await createBookingAsync({ party: user, input });
    return apiJson(booking, { status: 201, headers: replayed ? { "Idempotent-Replayed": "true" } : {} });
  });
