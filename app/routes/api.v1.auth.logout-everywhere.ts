// Revokes every browser session and API token of the caller.
import type { ActionFunctionArgs } from "@remix-run/node";
import { revokeAllSessions } from "~/models/auth.server";
import { apiJson, methodNotAllowed } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const auth = requireApiUser(request);
    return apiJson({ revoked: await revokeAllSessions(auth.user.id, Date.now()) });
  });
