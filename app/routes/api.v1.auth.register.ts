import type { ActionFunctionArgs } from "@remix-run/node";
import { EmailTakenError, RateLimitedError, registerParty, registerSchema } from "~/models/auth.server";
import { apiError, apiJson, methodNotAllowed, rateLimited } from "~/utils/api.server";
import { getLocale } from "~/i18n/locale.server";
import { handleApi, readJson } from "~/utils/api-handler.server";
import { clientAddress, isSameOrigin } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, context }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    if (!isSameOrigin(request)) return apiError(403, "csrf", "Cross-site request refused");
    const input = await readJson(request, registerSchema);
    try {
      const user = await registerParty({ ...input, address: clientAddress(context), now: Date.now(), locale: getLocale(request) });
      return apiJson({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
    } catch (error) {
      if (error instanceof RateLimitedError) return rateLimited(error.retryAfter);
      if (error instanceof EmailTakenError)
        return apiError(409, "email_taken", "An account with this email exists", { email: ["already registered"] });
      throw error;
    }
  });
