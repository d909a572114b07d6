import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCaseEvents } from "~/models/case-audit.server";
import { getCase } from "~/models/cases.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

/** The case's log (staff): `{events: [{id, at, actor, actorName, event, before, after}]}`. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request, ["staff", "admin"]);
    const id = parseId(params.id);
    if (id === null) return notFound("Case");
    getCase({ user, id }); // 404 for a case that does not exist
    return apiJson({ events: listCaseEvents({ viewer: user, caseId: id }) });
  });
