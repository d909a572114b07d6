// /staff/dashboard.csv?from&to&groupBy (the dashboard's own query): the figures as a CSV file for Excel
// (UTF-8 with a byte-order mark, a header row, one row per group, the whole period last). Staff and admins.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { statsCsv } from "~/components/charts/centre-figures";
import { messages } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { cachedCentreStats } from "~/models/stats-cache.server";
import { dashboardQuery } from "~/models/stats.server";
import { requirePageUser } from "~/utils/session.server";

export function loader({ request }: LoaderFunctionArgs) {
  const { user } = requirePageUser(request, ["staff", "admin"]);
  const locale = getLocale(request);
  const now = Date.now();
  const parsed = dashboardQuery(new URL(request.url).searchParams, now);
  if (!parsed.ok) return new Response("Bad period\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { from, to, groupBy } = parsed.query;
  const stats = cachedCentreStats({ viewer: user, from, to, groupBy, now });
  const name = messages[locale].centreStats.csvFile(from, to);
  return new Response(statsCsv(stats, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // An ASCII name for old clients, the real one (RFC 5987) for the rest.
      "Content-Disposition": `attachment; filename="centre-figures-${from}-${to}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
