// GET /lang/en?next=/search?q=… : remember the language in a cookie and go back to where the visitor
// was. A plain link, so it works without JavaScript; `next` may only be a path on this site.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { setUserLocale } from "~/models/auth.server";
import { getPageAuth, safeNext } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLocale(params.locale)) throw new Response(null, { status: 404 });
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  // Signed in: their notifications follow the language they chose.
  const auth = getPageAuth(request);
  if (auth) await setUserLocale({ user: auth.user, locale: params.locale });
  return redirect(next, {
    status: 303,
    headers: { "Set-Cookie": localeCookie(params.locale), "Cache-Control": "no-store" },
  });
}
