// POST {phone, purpose?}: send a one-time code by text message (issue 11). 202 whether or not the number
// has an account (no enumeration); 429 with Retry-After inside the resend cool-down or over a limit.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { otpSendSchema } from "~/models/otp-sign-in.server";
import { OTP_RESEND_MS, OTP_TTL_MS, requestOtp } from "~/models/otp.server";
import { apiJson, methodNotAllowed, rateLimited } from "~/utils/api.server";
import { handleApi, readJson } from "~/utils/api-handler.server";
import { clientAddress } from "~/utils/auth.server";

export const loader = () => methodNotAllowed(["POST"]);

export const action = ({ request, context }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["POST"]);
    const input = await readJson(request, otpSendSchema);
    const now = Date.now();
    const result = await requestOtp({ ...input, address: clientAddress(context), now, locale: getLocale(request) });
    if (!result.ok) return rateLimited(result.retryAfter);
    return apiJson({ expiresIn: OTP_TTL_MS / 1000, resendAfter: OTP_RESEND_MS / 1000 }, { status: 202 });
  });
