// Staff assign a case: the suggestion in one step, or another mediator with a reason. 201 with the
// booking that asks the mediator.
import type { ActionFunctionArgs } from "@remix-run/node";
import { assignCase } from "~/models/assignment-staff.server";
import { assignSchema } from "~/models/assignment-schemas";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const id = parseId(params.id);
    if (id === null) return notFound("Case");
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const input = await readJson(request, assignSchema);
    return apiJson(await assignCase({ user, caseId: id, input, now: Date.now() }), { status: 201 });
  });
