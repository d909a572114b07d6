import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCommittee } from "~/models/mediators.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const committee = id === null ? null : getCommittee({ id });
  return committee ? apiJson(committee) : notFound("Committee");
}
