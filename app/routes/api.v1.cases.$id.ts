import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCase } from "~/models/cases.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    const id = parseId(params.id);
    return id === null ? notFound("Case") : apiJson(getCase({ user, id }));
  });
