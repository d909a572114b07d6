// GET /api/v1/queue?reason&category&town&channel&page&perPage: the centre's work queue (issue 9, ADR 022),
// oldest first, with the count of every reason under the other filters. Staff and admins.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { workQueue, workQueueQuerySchema } from "~/models/work-queue.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const query = workQueueQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!query.success) return invalid(query.error);
    return apiJson(workQueue({ user, query: query.data, now: Date.now() }));
  });
