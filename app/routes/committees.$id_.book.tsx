// /committees/:id/book: a committee's free slots (the union of its members') and, for parties, the
// order form; the centre assigns a member who is free at the chosen time.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { revalidateAfterConflict } from "~/components/booking-form";
import { BookingPage } from "~/components/booking-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages } from "~/i18n";
import { getCommittee } from "~/models/mediators.server";
import { idOr404 } from "~/utils/api.server";
import { bookingAction, bookingPageData } from "~/utils/booking-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idOr404(params.id);
  const c = getCommittee({ id });
  if (!c) throw new Response(null, { status: 404 });
  const subject = { kind: "committee" as const, id, name: c.name, categories: c.categories, modes: c.modes, towns: c.towns };
  return { subject, ...bookingPageData(request, "committee", id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return bookingAction(request, "committee", idOr404(params.id));
}

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  if (!data) return [{ name: "description", content: t.metaDescription.book }, { title: `${t.meta.notFound} · ${t.siteName}` }];
  return [
    { name: "description", content: t.metaDescription.book },
    { title: `${t.book.titleCommittee(data.subject.name)} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

export default function BookCommitteePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <BookingPage {...data} lastResult={actionData?.result} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
