// A committee's record over the last 12 months: the cases that went through it (docs/case-figures.md);
// `?category=` narrows it to one category.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCommitteeRecord, recordQuerySchema } from "~/models/records.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    if (id === null) return notFound("Committee");
    const query = recordQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!query.success) return invalid(query.error);
    const record = getCommitteeRecord({ committeeId: id, ...query.data, now: Date.now() });
    return record ? apiJson(record) : notFound("Committee");
  });
