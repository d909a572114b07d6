// A party asks for a recusal (signed in, or the respondent with the invitation code); staff decide.
import { requestRecusal } from "~/models/recusal.server";
import { recusalRequestSchema } from "~/models/assignment-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(
  recusalRequestSchema,
  async ({ caller, id, body, now }) =>
    requestRecusal({ user: caller.user, code: caller.code, caseId: id, input: { mediatorId: body.mediatorId, reason: body.reason }, now }),
  { code: true },
);
