import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseSearchParams } from "~/models/search-params";
import { searchPool } from "~/models/search.server";
import { apiError, apiJson } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(async () => {
    const parsed = parseSearchParams(new URL(request.url).searchParams);
    if (!parsed.ok) return apiError(400, "invalid_query", "Some search parameters are invalid", parsed.fields);
    return apiJson(await searchPool(parsed.value, Date.now()));
  });
