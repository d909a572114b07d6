// The asked mediator declines the case (staff for them: `{mediatorId, reason}`); the next is asked at once.
import { declineCase } from "~/models/assignment-staff.server";
import { caseDeclineSchema } from "~/models/assignment-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(caseDeclineSchema, async ({ caller, id, body, now }) =>
  declineCase({ user: caller.user!, caseId: id, mediatorId: body.mediatorId, reason: body.reason, now }),
);
