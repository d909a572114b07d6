// The signed-in user and the session's CSRF token, as the root loader hands them to every page. Forms
// that POST with a session carry <CsrfInput />; the action checks it with requireCsrf.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

export type SessionUser = NonNullable<ReturnType<typeof useRootSession>["user"]>;

export function useRootSession() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return { user: data?.user ?? null, csrfToken: data?.csrfToken ?? "" };
}

export function useUser() {
  return useRootSession().user;
}

export function CsrfInput() {
  const { csrfToken } = useRootSession();
  return <input type="hidden" name="csrf" value={csrfToken} />;
}
