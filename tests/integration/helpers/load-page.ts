// Runs a page's loader as Remix does, signed in with a fresh cookie session of `userId`: the status
// and the data, whether the loader returned plain data, `data(..., { status })` or threw a Response.
import { createSession } from "~/models/auth.server";
import type { Json } from "../call";

type Loader = { loader: (args: never) => unknown };

export async function loadPage(mod: Loader, url: string, userId: number): Promise<{ status: number; body: Json }> {
  const { secret } = await createSession(userId, "cookie", Date.now());
  const request = new Request(`http://test.local${url}`, { headers: { Cookie: `sid=${secret}` } });
  try {
    const res = (await mod.loader({ request, params: {}, context: {} } as never)) as unknown;
    if (res instanceof Response) return { status: res.status, body: null };
    if (res && typeof res === "object" && (res as { type?: unknown }).type === "DataWithResponseInit") {
      const d = res as { data: Json; init?: ResponseInit | null };
      return { status: d.init?.status ?? 200, body: d.data };
    }
    return { status: 200, body: res as Json };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}
