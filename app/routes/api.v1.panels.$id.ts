// One panel with its seats and minutes: staff, and the people seated on it (404 for anyone else).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPanel } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, methodNotAllowed } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    if (id === null) return notFound("Panel");
    const { user } = requireApiUser(request);
    const panel = getPanel(getDb(), { panelId: id, viewer: user });
    return panel ? apiJson(panel) : notFound("Panel");
  });

export const action = () => methodNotAllowed(["GET"]);
