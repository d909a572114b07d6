// A mediator recuses (staff recording it: `{mediatorId, reason}`), or staff decide a party's request
// (`{recusalId, grant}`); a granted recusal asks the next at once.
import { recuse } from "~/models/recusal.server";
import { recuseSchema } from "~/models/assignment-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(recuseSchema, async ({ caller, id, body, now }) =>
  recuse({ user: caller.user!, caseId: id, input: body, now }),
);
