// GET /api/v1/stats?from&to&groupBy: the centre's figures (docs/case-figures.md) for a period, whole and
// per group; rates are fractions 0–1, null when there is nothing to divide by. Staff and admins.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { centreStats, statsQuerySchema } from "~/models/stats.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const now = Date.now();
    const query = statsQuerySchema(now).safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!query.success) return invalid(query.error);
    return apiJson(centreStats({ viewer: user, ...query.data, now }));
  });
