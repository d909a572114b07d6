// Page-side sessions: who is signed in (cookie only; pages never take bearer tokens), guards that
// redirect to the login page, and the CSRF check every page action with a session must make.
import { redirect } from "@remix-run/node";
import type { Role } from "../models/auth.server";
import { createSession, revokeSession } from "../models/auth.server";
import { clearSessionCookie, csrfOk, getAuth, isSameOrigin, sessionCookie, type Auth } from "./auth.server";

export function getPageAuth(request: Request): Auth | null {
  const auth = getAuth(request);
  return auth?.via === "cookie" ? auth : null;
}

/** Only same-site paths: an absolute or protocol-relative `next` would be an open redirect. */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/** Signed in (with one of `roles`), or a redirect to the login page that comes back here. */
export function requirePageUser(request: Request, roles?: readonly Role[]): Auth {
  const auth = getPageAuth(request);
  if (!auth) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(auth.user.role)) throw new Response("Forbidden", { status: 403 });
  return auth;
}

/** For actions: the form must carry the session's CSRF token and come from this site. */
export function requireCsrf(request: Request, auth: Auth, form: FormData): void {
  if (!csrfOk(request, auth, String(form.get("csrf") ?? ""))) throw new Response("Cross-site request refused", { status: 403 });
}

/** For the login and register forms (no session yet): refuse other sites' posts. */
export function requireSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new Response("Cross-site request refused", { status: 403 });
}

export function startSession(request: Request, userId: number): Headers {
  const { secret, expiresAt } = createSession(userId, "cookie");
  return new Headers({ "Set-Cookie": sessionCookie(secret, expiresAt, request) });
}

export function endSession(auth: Auth | null): Headers {
  if (auth) revokeSession(auth.secret);
  return new Headers({ "Set-Cookie": clearSessionCookie() });
}
