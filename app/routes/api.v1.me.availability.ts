// A mediator's own availability: GET returns exactly the document PUT accepts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getAvailabilityDocument, putAvailability } from "~/models/availability.server";
import { availabilitySchema } from "~/models/availability-schema";
import { apiError, apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

function mediatorOf(request: Request): number {
  const { user } = requireApiUser(request, ["mediator"]);
  if (!user.mediatorId) throw apiError(403, "forbidden", "This account is not linked to a mediator");
  return user.mediatorId;
}

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => apiJson(getAvailabilityDocument({ mediatorId: mediatorOf(request) })));

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "PUT") return methodNotAllowed(["GET", "PUT"]);
    const mediatorId = mediatorOf(request);
    const input = await readJson(request, availabilitySchema);
    return apiJson(putAvailability({ mediatorId, input }));
  });
