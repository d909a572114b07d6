// The minutes of a panel (会商纪要): who said what, the plan, dissent, the outcome. Staff or the chief mediator.
import type { ActionFunctionArgs } from "@remix-run/node";
import { panelMinutesSchema } from "~/models/panel-schemas";
import { recordPanelMinutes } from "~/models/panels.server";
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
    const input = await readJson(request, panelMinutesSchema);
    return apiJson(await recordPanelMinutes(getDb(), { ...input, panelId: id, actor: user, now: Date.now() }));
  });
