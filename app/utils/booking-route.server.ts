// The POST /api/v1/bookings/:id/<verb> routes share their shape: authenticate, parse the id and the
// body, call one model function, answer with the booking.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { Role, User } from "../models/auth.server";
import { apiJson, notFound, parseId } from "./api.server";
import { handleApi, methodNotAllowed, readJson } from "./api-handler.server";
import { requireApiUser } from "./auth.server";

export function bookingVerb<S extends z.ZodType>(
  roles: readonly Role[],
  schema: S | null,
  run: (args: { user: User; id: number; body: z.infer<S>; now: number }) => unknown,
) {
  return {
    loader: () => methodNotAllowed(["POST"]),
    action: ({ request, params }: ActionFunctionArgs) =>
      handleApi(async () => {
        if (request.method !== "POST") return methodNotAllowed(["POST"]);
        const { user } = requireApiUser(request, roles);
        const id = parseId(params.id);
        if (id === null) return notFound("Booking");
        const body = schema ? await readJson(request, schema) : (undefined as z.infer<S>);
        // The edge reads the clock once; the model judges the step as of then.
        return apiJson(await run({ user, id, body, now: Date.now() }));
      }),
  };
}
