// GET /calendar/<token>.ics: a mediator's private calendar feed (issue 11, ADR 031), read by calendar
// apps without a session. The token is the only credential: unknown or revoked answers 404, too many
// reads 429. Sessions from a month back to half a year ahead, with no party's name or phone.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { RateLimitedError } from "~/models/auth.server";
import { readFeed } from "~/models/calendar-feed.server";
import { isDomainError } from "~/models/errors";
import { clientAddress } from "~/utils/auth.server";
import { calendarFile, sessionEvent } from "~/utils/booking-ics.server";

/** The token as createFeed makes it (24 random bytes in base64url), then ".ics". */
const FEED_PATH = /^([A-Za-z0-9_-]{32})\.ics$/;
const plain = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = FEED_PATH.exec(params.token ?? "")?.[1];
  if (!token) return plain(404, "Not found");
  const now = Date.now();
  try {
    const { locale, sessions } = await readFeed({ token, address: clientAddress(context), now });
    const host = new URL(request.url).hostname;
    return new Response(
      calendarFile(
        sessions.map((s) => sessionEvent(s, locale, host, now)),
        locale,
        { feed: true },
      ),
      { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    if (isDomainError(error, "not_found")) return plain(404, "Not found");
    if (error instanceof RateLimitedError) return plain(429, "Too many requests", { "Retry-After": String(error.retryAfter) });
    throw error;
  }
}
