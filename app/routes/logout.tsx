// POST /logout (the header's button): ends this browser's session. A GET never signs anyone out.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, getPageAuth, requireCsrf } from "~/utils/session.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const auth = getPageAuth(request);
  if (auth) requireCsrf(request, auth, await request.formData());
  return redirect("/login?notice=logged-out", { headers: await endSession(auth) });
}
