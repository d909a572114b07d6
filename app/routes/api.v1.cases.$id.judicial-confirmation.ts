import { recordJudicialConfirmation } from "~/models/case-outcome.server";
import { judicialConfirmationSchema } from "~/models/case-schemas";
import { DomainError } from "~/models/errors";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(judicialConfirmationSchema, ({ caller, id, body, now }) => {
  if (!caller.user) throw new DomainError("forbidden", "Sign in as staff");
  return recordJudicialConfirmation({ user: caller.user, caseId: id, input: body, now });
});
