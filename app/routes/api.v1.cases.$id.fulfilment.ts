import { recordFulfilment } from "~/models/case-outcome.server";
import { fulfilmentSchema } from "~/models/case-schemas";
import { DomainError } from "~/models/errors";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(fulfilmentSchema, ({ caller, id, body, now }) => {
  if (!caller.user) throw new DomainError("forbidden", "Sign in as staff");
  return recordFulfilment({ user: caller.user, caseId: id, ...body, now });
});
