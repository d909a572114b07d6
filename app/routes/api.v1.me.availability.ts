// A mediator's own availability: GET returns exactly the document PUT accepts. A PUT that would take
// pending or confirmed sessions out of the mediator's hours is refused with 409 sessions_stranded and
// their list until the body carries a decision for each (keep, move, cancel with a reason; ADR 030).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ownMediatorId } from "~/models/availability.server";
import { availabilityPutSchema } from "~/models/availability-schema";
import { availabilityView, saveAvailability } from "~/models/stranded-sessions.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

function mediatorOf(request: Request): number {
  return ownMediatorId(requireApiUser(request, ["mediator"]).user);
}

export const loader = ({ request }: LoaderFunctionArgs) => handleApi(() => apiJson(availabilityView({ mediatorId: mediatorOf(request) })));

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "PUT") return methodNotAllowed(["GET", "PUT"]);
    const mediatorId = mediatorOf(request);
    const input = await readJson(request, availabilityPutSchema);
    const result = await saveAvailability({ mediatorId, input, now: Date.now() });
    if (result.ok) return apiJson(result.document);
    const message = result.unmovable.length
      ? "No free time to offer these sessions in the next four weeks: keep or cancel them"
      : "The change strands booked sessions: send a decision for each (keep, move, cancel with a reason)";
    const fields = Object.fromEntries(
      (result.unmovable.length ? result.unmovable : result.stranded.map((x) => x.bookingId)).map((id) => [`decisions.${id}`, [message]]),
    );
    return apiJson({ error: { code: "sessions_stranded", message, fields, sessions: result.stranded } }, { status: 409 });
  });
