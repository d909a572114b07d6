// Who is asking: a browser session cookie or an API bearer token. Roles are checked here and again in
// the model queries (ownership lives in the WHERE clause). Cookie-authenticated writes must prove they
// come from our own pages: same-origin Origin/Sec-Fetch-Site, or the session's CSRF token.
import { csrfTokenFor, getSessionUser, type Role, type User } from "../models/auth.server";
import { env } from "../env.server";
import { isUnsafeMethod, readCookie, SESSION_COOKIE } from "../../server/http.mjs";
import { apiError } from "./api.server";

export { readCookie, SESSION_COOKIE };

export interface Auth {
  user: User;
  via: "cookie" | "token";
  secret: string;
  csrfToken: string;
}

export function getAuth(request: Request): Auth | null {
  const bearer = request.headers.get("Authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const found = getSessionUser(bearer, "token", Date.now());
    return found ? { user: found.user, via: "token", secret: bearer, csrfToken: "" } : null;
  }
  const secret = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  if (!secret) return null;
  const found = getSessionUser(secret, "cookie", Date.now());
  return found ? { user: found.user, via: "cookie", secret, csrfToken: csrfTokenFor(secret) } : null;
}

/** True when an unsafe request plainly comes from this site (or carries no browser context at all). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin) return origin === new URL(request.url).origin || origin === forwardedOrigin(request);
  const site = request.headers.get("Sec-Fetch-Site");
  return !site || site === "same-origin" || site === "none";
}

/**
 * The site's origin as a trusted reverse proxy names it (TRUST_PROXY=1). Without one, X-Forwarded-* are
 * whatever the client wrote: believing them would let any site call itself ours.
 */
function forwardedOrigin(request: Request): string | null {
  if (env().TRUST_PROXY !== "1") return null;
  const host = request.headers.get("X-Forwarded-Host")?.split(",")[0].trim();
  if (!host) return null;
  const proto = request.headers.get("X-Forwarded-Proto")?.split(",")[0].trim() ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

/**
 * For cookie sessions, an unsafe request needs a same-origin signal AND the CSRF token (form field
 * `csrf` or header `X-CSRF-Token`). Bearer tokens are not sent by browsers on their own: no check.
 */
export function csrfOk(request: Request, auth: Auth, formToken?: string | null): boolean {
  if (auth.via === "token" || !isUnsafeMethod(request.method)) return true;
  if (!isSameOrigin(request)) return false;
  const token = formToken ?? request.headers.get("X-CSRF-Token");
  return token === auth.csrfToken;
}

/** API guard: 401 without credentials, 403 for the wrong role or a cross-site cookie request. */
export function requireApiUser(request: Request, roles?: readonly Role[]): Auth {
  const auth = getAuth(request);
  if (!auth) throw apiError(401, "unauthorized", "Sign in or send a bearer token");
  if (roles && !roles.includes(auth.user.role)) throw apiError(403, "forbidden", "Your role may not do this");
  if (!csrfOk(request, auth)) throw apiError(403, "csrf", "Cross-site request refused: send X-CSRF-Token");
  return auth;
}

export function sessionCookie(secret: string, expires: Date, request: Request): string {
  const secure = env().COOKIE_SECURE === "1" || new URL(request.url).protocol === "https:";
  return `${SESSION_COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? "; Secure" : ""}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** The client's address as the server saw it (server.mjs puts it in the load context). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unknown";
}
