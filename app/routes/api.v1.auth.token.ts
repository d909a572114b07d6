// POST: exchange email + password, or phone + a one-time code (issue 11), for a bearer token. DELETE:
// revoke the token the request carries.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { createSession, revokeSession, verifyLogin, type User } from "~/models/auth.server";
import { signInWithOtp, tokenRequestSchema } from "~/models/otp-sign-in.server";
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
    const input = await readJson(request, tokenRequestSchema);
    const now = Date.now();
    let user: User;
    if ("code" in input) {
      const result = await signInWithOtp({ ...input, now, locale: getLocale(request) });
      if (!result.ok && result.reason === "consent_required")
        return apiError(403, "consent_required", "This number has no account yet: send consent: true to open one", {
          consent: ["required to open an account"],
        });
      if (!result.ok && result.reason === "disabled") return apiError(403, "account_disabled", "This account has been deactivated");
      if (!result.ok) return apiError(401, "invalid_code", "The code is wrong, used or expired");
      user = result.user;
    } else {
      const result = await verifyLogin({ ...input, address: clientAddress(context), now });
      if (!result.ok && result.reason === "rate_limited") return rateLimited(result.retryAfter);
      // A deactivated account is told apart only after the right password (verifyLogin), never before.
      if (!result.ok && result.reason === "disabled") return apiError(403, "account_disabled", "This account has been deactivated");
      if (!result.ok) return apiError(401, "invalid_credentials", "Email or password is wrong");
      user = result.user;
    }
    const { secret, expiresAt } = await createSession(user.id, "token", now);
    return apiJson({ token: secret, expiresAt: expiresAt.toISOString() });
  });
