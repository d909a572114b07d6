// POST /prefs/large-text (value=on|off, next=/path): remember the larger-text mode in a cookie and go
// back where the visitor was. A form POST rather than JavaScript, so it works on any phone; no account
// needed and no personal data, hence no CSRF token (the server refuses cross-site writes anyway).
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { largeTextCookie } from "~/components/large-text-toggle";
import { safeNext } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const on = form.get("value") === "on";
  const next = safeNext(typeof form.get("next") === "string" ? String(form.get("next")) : null);
  return redirect(next, { status: 303, headers: { "Set-Cookie": largeTextCookie(on), "Cache-Control": "no-store" } });
}

export function loader() {
  return redirect("/", 303);
}
