// Replacing a member who declined (staff): GET ?declinedPersonId= lists who may take the seat (its
// role, not seated on the panel, free for its time); POST `{declinedPersonId, personId}` seats one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { replacePanelMemberSchema, replacementQuerySchema } from "~/models/panel-schemas";
import { replacementCandidates, replacePanelMember } from "~/models/panels.server";
import { getDb } from "~/db.server";
import { apiJson, notFound, parseId } from "~/utils/api.server";
import { handleApi, invalid } from "~/utils/api-handler.server";
import { panelStepAction } from "~/utils/panel-route.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(() => {
    const id = parseId(params.id);
    if (id === null) return notFound("Panel");
    const { user } = requireApiUser(request);
    const parsed = replacementQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!parsed.success) return invalid(parsed.error);
    const candidates = replacementCandidates(getDb(), { panelId: id, ...parsed.data, actor: user, now: Date.now() });
    return apiJson({ candidates });
  });

export const action = panelStepAction(
  replacePanelMemberSchema,
  ({ user, id, body, now }) => replacePanelMember(getDb(), { panelId: id, ...body, actor: user, now }),
  ["GET", "POST"],
);
