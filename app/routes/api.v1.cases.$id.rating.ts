import { rateCase } from "~/models/case-outcome.server";
import { ratingSchema } from "~/models/case-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(
  ratingSchema,
  ({ caller, id, body, now }) =>
    rateCase({ user: caller.user, code: caller.code, caseId: id, stars: body.stars, comment: body.comment, now }),
  { code: true },
);
