// Posts a page's form as a browser would (URL-encoded, with a cookie session of `userId` and, unless
// `csrf: false`, its CSRF token): the status, the redirect's location, and the data of an action that
// answered with `data(..., { status })` (a refused form with its field messages).
import { createSession, csrfTokenFor } from "~/models/auth.server";
import type { Json } from "../call";

type Action = { action: (args: never) => unknown };

export async function postPage(
  mod: Action,
  url: string,
  userId: number,
  fields: Record<string, string | string[]>,
  o: { csrf?: boolean; params?: Record<string, string> } = {},
): Promise<{ status: number; location: string | null; body: Json }> {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const body = new URLSearchParams();
  if (o.csrf !== false) body.append("csrf", csrfTokenFor(secret));
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  const request = new Request(`http://test.local${url}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `sid=${secret}`, Origin: "http://test.local" },
    body,
  });
  try {
    const res = (await mod.action({ request, params: o.params ?? {}, context: {} } as never)) as unknown;
    if (res instanceof Response) return { status: res.status, location: res.headers.get("Location"), body: null };
    const d = res as { data?: Json; init?: ResponseInit | null };
    return { status: d.init?.status ?? 200, location: null, body: d.data ?? res };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
}
