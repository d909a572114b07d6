import { recordOutcome } from "~/models/case-outcome.server";
import { outcomeSchema } from "~/models/case-schemas";
import { DomainError } from "~/models/errors";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(outcomeSchema, ({ caller, id, body, now }) => {
  if (!caller.user) throw new DomainError("forbidden", "Sign in to record an outcome");
  return recordOutcome({ user: caller.user, caseId: id, input: body, now });
});
