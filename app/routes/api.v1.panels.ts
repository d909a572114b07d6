// 3+X panels: staff book one all-or-nothing (201 with the panel; 409 slot_taken and nothing booked when
// anyone or the room was taken meanwhile); staff list every panel, a member the panels they sit on.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { bookPanelSchema } from "~/models/panel-schemas";
import { bookPanel, listPanels } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    return apiJson({ panels: listPanels(getDb(), { viewer: user }) });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const input = await readJson(request, bookPanelSchema);
    const panel = await bookPanel(getDb(), { ...input, start: Date.parse(input.start), actor: user, now: Date.now() });
    return apiJson(panel, { status: 201 });
  });
