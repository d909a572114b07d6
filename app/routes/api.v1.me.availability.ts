// A mediator's own availability: GET returns exactly the document PUT accepts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getAvailabilityDocument, ownMediatorId, putAvailability } from "~/models/availability.server";
import { availabilitySchema } from "~/models/availability-schema";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

function mediatorOf(request: Request): number {
  return ownMediatorId(requireApiUser(request, ["mediator"]).user);
}

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => apiJson(getAvailabilityDocument({ mediatorId: mediatorOf(request) })));

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "PUT") return methodNotAllowed(["GET", "PUT"]);
    const mediatorId = mediatorOf(request);
    const input = await readJson(request, availabilitySchema);
    return apiJson(await putAvailability({ mediatorId, input, now: Date.now() }));
  });
