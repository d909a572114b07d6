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

const BASE = "http://site.invalid";
// Browsers drop TAB, CR and LF from URLs and read a backslash as a slash, so `/\t/evil.example` and
// `/\\evil.example` mean `//evil.example`: a path holding any of them is refused, not cleaned.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * The one open-redirect guard (`next` after sign-in, registration, a language switch): a path on this
 * site, or `fallback`. It must start with one "/", hold no control character or backslash, raw or
 * percent-encoded in its path, not start with "//" once decoded and normalised, and resolve to our own
 * origin. The answer is the URL's own serialisation, so it is percent-encoded and safe for a Location
 * header (`/search?q=劳动` → `/search?q=%E5%8A%B3%E5%8A%A8`; a raw non-ASCII header value would throw).
 */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || CONTROL_OR_BACKSLASH.test(next)) return fallback;
  let url: URL;
  let path: string;
  try {
    url = new URL(next, BASE);
    path = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || CONTROL_OR_BACKSLASH.test(path) || path.startsWith("//") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
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
  if (!csrfOk(request, auth, String(form.get("csrf") ?? ""))) throw csrfRefusal();
}

/** For the login and register forms (no session yet): refuse other sites' posts. */
export function requireSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw csrfRefusal();
}

export async function startSession(request: Request, userId: number): Promise<Headers> {
  const { secret, expiresAt } = await createSession(userId, "cookie", Date.now());
  return new Headers({ "Set-Cookie": sessionCookie(secret, expiresAt, request) });
}

export async function endSession(auth: Auth | null): Promise<Headers> {
  if (auth) await revokeSession(auth.secret, Date.now());
  return new Headers({ "Set-Cookie": clearSessionCookie() });
}

/** A page's refusal of a cross-site write: its `code` tells the error page which 403 it is. */
function csrfRefusal(): Response {
  return Response.json({ code: "csrf", message: "Cross-site request refused" }, { status: 403 });
}
