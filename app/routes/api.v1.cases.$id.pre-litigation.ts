// POST /api/v1/cases/:id/pre-litigation: staff flag a simple, open case for the pre-litigation fast track
// (issue 9); 409 for a case that is closed or not simple. Audited in the case's log.
import type { ActionFunctionArgs } from "@remix-run/node";
import { flagPreLitigation } from "~/models/pre-litigation.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, methodNotAllowed } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const id = parseId(params.id);
    if (id === null) return notFound("Case");
    return apiJson(await flagPreLitigation({ user, caseId: id, now: Date.now() }));
  });
