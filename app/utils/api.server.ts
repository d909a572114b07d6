// JSON API helpers: every error has the shape {error: {code, message, fields?}}.
import { z } from "zod";

/** JSON, not cached unless the caller says otherwise. Headers are a plain object: it is every API answer. */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status, headers: { "Cache-Control": "no-store", ...init.headers } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return apiJson({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

export const notFound = (what: string) => apiError(404, "not_found", `${what} not found`);

/** 429 with Retry-After (seconds), for the login and registration limits. */
export function rateLimited(retryAfter: number): Response {
  const res = apiError(429, "rate_limited", `Too many attempts; try again in ${retryAfter} s`);
  res.headers.set("Retry-After", String(retryAfter));
  return res;
}

// The one JSON 405 (shared with the server's fast path, which cannot import TypeScript).
export { methodNotAllowed } from "../../server/http.mjs";

const idSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

/** A route's numeric id, or null when it cannot name anything (which callers turn into a 404). */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const parsed = idSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** For pages: the id, or a 404 thrown for the route's error boundary to show. */
export function idOr404(raw: string | undefined): number {
  const id = parseId(raw);
  if (id === null) throw new Response(null, { status: 404 });
  return id;
}
