import { withdrawCase } from "~/models/case-outcome.server";
import { withdrawSchema } from "~/models/case-schemas";
import { DomainError } from "~/models/errors";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(withdrawSchema, ({ caller, id, body, now }) => {
  if (!caller.user) throw new DomainError("forbidden", "Sign in to withdraw");
  return withdrawCase({ user: caller.user, caseId: id, reason: body.reason, now });
});
