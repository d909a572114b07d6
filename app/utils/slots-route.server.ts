// Shared by the mediator and committee slot routes: same query, same answer shape.
import { listSlots, slotsQuerySchema } from "../models/slots-query.server";
import { apiJson, notFound, parseId } from "./api.server";
import { handleApi, invalid } from "./api-handler.server";

export function slotsLoader(kind: "mediator" | "committee") {
  return ({ request, params }: { request: Request; params: { id?: string } }) =>
    handleApi(() => {
      const id = parseId(params.id);
      const what = kind === "mediator" ? "Mediator" : "Committee";
      if (id === null) return notFound(what);
      const parsed = slotsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
      if (!parsed.success) return invalid(parsed.error);
      const view = listSlots({ kind, id, query: parsed.data, now: Date.now() });
      return view ? apiJson(view) : notFound(what);
    });
}
