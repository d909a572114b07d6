// A mediator's record over the last 12 months, from case rows (docs/case-figures.md); `?category=`
// narrows it to one category.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMediatorRecord, recordQuerySchema } from "~/models/records.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    if (id === null) return notFound("Mediator");
    const query = recordQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!query.success) return invalid(query.error);
    const record = getMediatorRecord({ mediatorId: id, ...query.data, now: Date.now() });
    return record ? apiJson(record) : notFound("Mediator");
  });
