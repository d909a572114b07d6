// A member confirms or declines their seat `{answer}`; staff answer for a member `{answer, personId}`.
import type { ActionFunctionArgs } from "@remix-run/node";
import { panelSeatAnswerSchema } from "~/models/panel-schemas";
import { respondToPanelSeat } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const id = parseId(params.id);
    if (id === null) return notFound("Panel");
    const { user } = requireApiUser(request);
    const input = await readJson(request, panelSeatAnswerSchema);
    const personId = input.personId ?? user.mediatorId;
    if (personId === null) return notFound("Seat");
    return apiJson(await respondToPanelSeat(getDb(), { panelId: id, personId, answer: input.answer, actor: user, now: Date.now() }));
  });
