// Calls a route module's loader or action the way Remix does, with a real Request.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export interface RouteModule {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
}

/** A parsed JSON answer: tests read it field by field and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions are the type check
export type Json = any;

export interface Call {
  method?: string;
  params?: Record<string, string>;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: unknown;
  context?: Record<string, unknown>;
}

export async function call(
  mod: RouteModule,
  url: string,
  c: Call = {},
): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const method = c.method ?? "GET";
  const headers = new Headers(c.headers);
  if (c.token) headers.set("Authorization", `Bearer ${c.token}`);
  if (c.cookie) headers.set("Cookie", c.cookie);
  if (c.body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`http://test.local${url}`, {
    method,
    headers,
    body: c.body === undefined ? undefined : typeof c.body === "string" ? c.body : JSON.stringify(c.body),
  });
  const fn = method === "GET" || method === "HEAD" ? mod.loader : mod.action;
  if (!fn) throw new Error(`route has no ${method === "GET" ? "loader" : "action"}`);
  let res: unknown;
  try {
    res = await fn({ request, params: c.params ?? {}, context: c.context ?? { clientAddress: "203.0.113.9" } });
  } catch (thrown) {
    res = thrown;
  }
  if (!(res instanceof Response)) throw new Error(`route returned ${String(res)}`);
  const text = await res.text();
  let body: Json = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body, headers: res.headers, text };
}
