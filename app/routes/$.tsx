// Any address no other route takes: a 404 inside the site. Without this route Remix answers an unknown
// address from the root's error boundary with no loader run, so the page lost the signed-in header and
// the visitor's language; matching here runs the root loader first, then this loader says 404.
import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages } from "~/i18n";

export async function loader(): Promise<never> {
  throw new Response(null, { status: 404 });
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.meta.notFound} · ${t.siteName}` }, { name: "description", content: t.pages.description.notFound }];
};

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
