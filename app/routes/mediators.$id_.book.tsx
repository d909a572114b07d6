// /mediators/:id/book: a mediator's free slots for two weeks and, for parties, the order form.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { revalidateAfterConflict } from "~/components/booking-form";
import { BookingPage } from "~/components/booking-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages } from "~/i18n";
import { getMediator } from "~/models/mediators.server";
import { idOr404 } from "~/utils/api.server";
import { bookingAction, bookingPageData } from "~/utils/booking-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idOr404(params.id);
  const m = getMediator({ id });
  if (!m) throw new Response(null, { status: 404 });
  const subject = { kind: "mediator" as const, id, name: m.name, categories: m.categories, modes: m.modes, towns: m.towns };
  return { subject, ...bookingPageData(request, "mediator", id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return bookingAction(request, "mediator", idOr404(params.id));
}

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  if (!data) return [{ name: "description", content: t.metaDescription.book }, { title: `${t.meta.notFound} · ${t.siteName}` }];
  return [
    { name: "description", content: t.metaDescription.book },
    { title: `${t.book.titleMediator(data.subject.name)} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

export default function BookMediatorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <BookingPage {...data} lastResult={actionData?.result} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
