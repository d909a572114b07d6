// {accept: true} | {ranking: [mediatorId…]} | {refuse: true}, with `informed: true` the first time:
// by the respondent with the invitation `code`, by a signed-in party, or by staff recording an answer.
import { consentByCode, consentAsUser } from "~/models/case-consent.server";
import { consentSchema } from "~/models/case-schemas";
import { caseStep } from "~/utils/case-route.server";

export const { loader, action } = caseStep(
  consentSchema,
  ({ caller, id, body, now }) =>
    caller.code !== undefined
      ? consentByCode({ caseId: id, code: caller.code, input: body, now })
      : consentAsUser({ user: caller.user, caseId: id, input: body, side: body.side, now }),
  { code: true },
);
