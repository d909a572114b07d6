// Free slots of anyone who may sit on a panel (staff), public pool or not, by the personId panel
// suggestions return; the same shape and limits as /api/v1/mediators/:id/slots.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { peopleSlotsQuerySchema } from "~/models/panel-schemas";
import { listPersonSlots } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, invalid, methodNotAllowed } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    if (id === null) return notFound("Person");
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const parsed = peopleSlotsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!parsed.success) return invalid(parsed.error);
    const view = listPersonSlots(getDb(), { personId: id, ...parsed.data, viewer: user, now: Date.now() });
    return view ? apiJson(view) : notFound("Person");
  });

export const action = () => methodNotAllowed(["GET"]);
