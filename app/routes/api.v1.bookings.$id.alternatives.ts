import type { LoaderFunctionArgs } from "@remix-run/node";
import { suggestAlternatives } from "~/models/alternatives.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(async () => {
    const { user } = requireApiUser(request);
    const id = parseId(params.id);
    return id === null ? notFound("Booking") : apiJson({ mediators: await suggestAlternatives({ user, id, now: Date.now() }) });
  });
