// The inputs of the fallback's steps (issue 9), without server code so a page's form validates with the
// schema the API and the model use.
import { z } from "zod";
import { LANGUAGE_SLUGS, MODE_SLUGS, TIE_KINDS } from "../../domain";
import { ISSUES } from "./issues";

const reason = z.string().trim().min(2, ISSUES.reasonMin).max(500);
const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

/** The case has no field for a language wish yet: staff say it when they ask (舟山话 for those who ask). */
export const fallbackSchema = z.object({ language: z.enum(LANGUAGE_SLUGS).optional() }).strict();

export const assignSchema = z
  .object({
    mediatorId: id,
    start: z.iso.datetime({ offset: true, message: ISSUES.instantFormat }),
    mode: z.enum(MODE_SLUGS),
    /** Required when the mediator is not the suggestion. */
    reason: reason.optional(),
    language: z.enum(LANGUAGE_SLUGS).optional(),
  })
  .strict();
export type AssignInput = z.infer<typeof assignSchema>;

/** The asked mediator declines; staff declining for them name them. */
export const caseDeclineSchema = z.object({ mediatorId: id.optional(), reason }).strict();

/**
 * A recusal: the mediator steps aside (staff recording it name them), or staff decide a party's request
 * (`recusalId` with `grant`).
 */
export const recuseSchema = z
  .object({ mediatorId: id.optional(), reason: reason.optional(), recusalId: id.optional(), grant: z.boolean().optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.recusalId === undefined && v.reason === undefined) ctx.addIssue({ code: "custom", path: ["reason"], message: ISSUES.reasonMin });
    if ((v.recusalId === undefined) !== (v.grant === undefined))
      ctx.addIssue({ code: "custom", path: ["grant"], message: ISSUES.oneAnswer });
  });

/** A party asks for the mediator (by default the one standing on the case) to recuse. */
export const recusalRequestSchema = z
  .object({ mediatorId: id.optional(), reason, code: z.string().trim().min(4).max(40).optional() })
  .strict();

export const generalWindowSchema = z.object({ note: z.string().trim().max(500).optional() }).strict();

export const tieSchema = z
  .object({
    kind: z.enum(TIE_KINDS),
    name: z.string().trim().min(1, ISSUES.nameRequired).max(100),
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type TieInput = z.infer<typeof tieSchema>;
