// The earliest common slots of a 3+X panel (staff): `{slots: [{start, end, roomId, members}]}`, where
// every seat's person and a room are free for the whole length. A suggestion only: nothing is booked.
import type { ActionFunctionArgs } from "@remix-run/node";
import { suggestPanelSchema } from "~/models/panel-schemas";
import { suggestPanelSlots } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const input = await readJson(request, suggestPanelSchema);
    return apiJson(suggestPanelSlots(getDb(), { ...input, actor: user, now: Date.now() }));
  });
