// /api/v1/sea-suspensions (issue 9, ADR 023): staff declare a ferry suspension for island towns and a
// time range (201 with the sessions it caught and what each party is offered), or list them.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { declareSuspension, listSuspensions } from "~/models/sea.server";
import { declareSuspensionSchema } from "~/models/sea-schemas";
import { apiJson } from "~/utils/api.server";
import { handleApi, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

const STAFF = ["staff", "admin"] as const;

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request, STAFF);
    return apiJson({ suspensions: listSuspensions({ user, now: Date.now() }) });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const { user } = requireApiUser(request, STAFF);
    const now = Date.now();
    const input = await readJson(request, declareSuspensionSchema(now));
    return apiJson(await declareSuspension({ user, input, now }), { status: 201 });
  });
