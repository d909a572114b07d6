// A party acknowledges the agreement (signed in, or the respondent with the invitation code).
import { acknowledgeAgreement } from "~/models/case-outcome.server";
import { codeSchema } from "~/models/case-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(
  codeSchema,
  ({ caller, id, now }) => acknowledgeAgreement({ user: caller.user, code: caller.code, caseId: id, now }),
  { code: true },
);
