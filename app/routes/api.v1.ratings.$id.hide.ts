// Staff hide an abusive rating comment with a reason (the stars still count); audited in the case's log.
import type { ActionFunctionArgs } from "@remix-run/node";
import { hideRatingComment } from "~/models/case-outcome.server";
import { withdrawSchema } from "~/models/case-schemas";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const id = parseId(params.id);
    if (id === null) return notFound("Rating");
    const { reason } = await readJson(request, withdrawSchema);
    await hideRatingComment({ user, ratingId: id, reason, now: Date.now() });
    return apiJson({ hidden: true });
  });
