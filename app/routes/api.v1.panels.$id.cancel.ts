// Staff cancel a booked panel `{reason}`: everyone's time is freed and every member is told.
import type { ActionFunctionArgs } from "@remix-run/node";
import { cancelPanelSchema } from "~/models/panel-schemas";
import { cancelPanel } from "~/models/panels.server";
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
    const input = await readJson(request, cancelPanelSchema);
    return apiJson(await cancelPanel(getDb(), { panelId: id, reason: input.reason, actor: user, now: Date.now() }));
  });
