// GET /api/v1/stats?from&to&groupBy: the centre's figures (docs/case-figures.md) for a period, whole and
// per group; rates are fractions 0–1, null when there is nothing to divide by. Staff and admins.
// Answered from the process's cache until a case changes (ADR 018).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cachedCentreStats } from "~/models/stats-cache.server";
import { statsQuerySchema } from "~/models/stats.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const now = Date.now();
    const query = statsQuerySchema(now).safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!query.success) return invalid(query.error);
    return apiJson(cachedCentreStats({ viewer: user, ...query.data, now }));
  });
