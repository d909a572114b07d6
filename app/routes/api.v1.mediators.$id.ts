import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMediator } from "~/models/mediators.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";

export const loader = ({ params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    const mediator = id === null ? null : getMediator({ id });
    return mediator ? apiJson(mediator) : notFound("Mediator");
  });
