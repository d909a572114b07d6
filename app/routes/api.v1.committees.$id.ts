import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCommittee } from "~/models/mediators.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";

export const loader = ({ params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    const committee = id === null ? null : getCommittee({ id });
    return committee ? apiJson(committee) : notFound("Committee");
  });
