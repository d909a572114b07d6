// POST: exchange email + password for a bearer token. DELETE: revoke the token the request carries.
import type { ActionFunctionArgs } from "@remix-run/node";
import { createSession, loginSchema, revokeSession, verifyLogin } from "~/models/auth.server";
import { apiError, apiJson, methodNotAllowed, rateLimited } from "~/utils/api.server";
import { handleApi, readJson } from "~/utils/api-handler.server";
import { clientAddress, requireApiUser } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST", "DELETE"]);

export const action = ({ request, context }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method === "DELETE") {
      const auth = requireApiUser(request);
      if (auth.via !== "token") return apiError(400, "not_a_token", "Send the token to revoke as a Bearer header");
      await revokeSession(auth.secret, Date.now());
      return new Response(null, { status: 204 });
    }
    if (request.method !== "POST") return methodNotAllowed(["POST", "DELETE"]);
    const input = await readJson(request, loginSchema);
    const result = await verifyLogin({ ...input, address: clientAddress(context), now: Date.now() });
    if (!result.ok && result.reason === "rate_limited") return rateLimited(result.retryAfter);
    // A deactivated account is told apart only after the right password (verifyLogin), never before.
    if (!result.ok && result.reason === "disabled") return apiError(403, "account_disabled", "This account has been deactivated");
    if (!result.ok) return apiError(401, "invalid_credentials", "Email or password is wrong");
    const { secret, expiresAt } = await createSession(result.user.id, "token", Date.now());
    return apiJson({ token: secret, expiresAt: expiresAt.toISOString() });
  });
