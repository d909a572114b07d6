// The mobile-number field, in a module without server code so that forms (case filing, booking) can
// validate with the same schema the API and the models use (issue 11). The value is normalised to
// 11 digits (domain/phone.ts); anything else is the `mobile_invalid` issue.
import { z } from "zod";
import { MOBILE_INPUT_MAX, normalizeMobile } from "../../domain/phone";
import { ISSUES } from "./issues";

export const mobileSchema = z
  .string()
  .max(MOBILE_INPUT_MAX)
  .transform((v, ctx) => {
    const n = normalizeMobile(v);
    if (n) return n;
    ctx.addIssue({ code: "custom", message: ISSUES.mobileInvalid });
    return z.NEVER;
  });

/** The version of /privacy's notice a consent refers to; a new wording gets a new version. */
export const CONSENT_VERSION = "2026-12-01";

/** Agreement to the personal-data notice: a form's checkbox ("on") or the API's `true`. */
export const consentSchema = z
  .union([z.literal("on"), z.literal(true), z.literal("true")])
  .optional()
  .transform((v) => v !== undefined);
