import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMediator } from "~/models/mediators.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const mediator = id === null ? null : getMediator({ id });
  return mediator ? apiJson(mediator) : notFound("Mediator");
}
