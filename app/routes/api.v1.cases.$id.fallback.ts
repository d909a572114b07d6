// The explained suggestion for a case (staff): `{suggestion: {mediatorId, slot}, reason}`; nothing is booked.
import { fallbackFor } from "~/models/assignment-staff.server";
import { fallbackSchema } from "~/models/assignment-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(fallbackSchema, async ({ caller, id, body, now }) =>
  fallbackFor({ user: caller.user!, caseId: id, language: body.language, now }),
);
