// The inputs of booking use cases, in a module without server code so a form can validate on the
// client with the same schema the API and the model use.
import { z } from "zod";
import { CATEGORY_SLUGS, MODE_SLUGS, TOWN_SLUGS } from "../../domain";
import { ISSUES } from "./issues";
import { mobileSchema } from "./otp-schemas";

const isoInstant = z.iso.datetime({ offset: true, message: ISSUES.instantFormat });

export const createBookingSchema = z
  .object({
    mediatorId: z.number().int().positive().optional(),
    committeeId: z.number().int().positive().optional(),
    start: isoInstant,
    mode: z.enum(MODE_SLUGS),
    town: z.enum(TOWN_SLUGS).optional(),
    category: z.enum(CATEGORY_SLUGS),
    summary: z.string().trim().min(5, ISSUES.summaryMin).max(1000),
    counterpartyName: z.string().trim().max(60).optional(),
    /** The other side's phone: their invitation to agree on the mediator goes there by text message. */
    counterpartyPhone: mobileSchema.optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,100}$/, ISSUES.idempotencyKeyFormat)
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.mediatorId === undefined) === (v.committeeId === undefined))
      ctx.addIssue({ code: "custom", path: ["mediatorId"], message: ISSUES.oneSubject });
    if (v.mode === "onsite" && !v.town) ctx.addIssue({ code: "custom", path: ["town"], message: ISSUES.onsiteNeedsTown });
    if (v.mode !== "onsite" && v.town) ctx.addIssue({ code: "custom", path: ["town"], message: ISSUES.townOnsiteOnly });
  });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const reasonSchema = z.object({ reason: z.string().trim().min(2, ISSUES.reasonMin).max(500) }).strict();
export const rescheduleSchema = z
  .object({ start: isoInstant, mode: z.enum(MODE_SLUGS).optional(), town: z.enum(TOWN_SLUGS).optional() })
  .strict();

export const MAX_PER_PAGE = 100;
export const pageSchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
  })
  .strict();
export type PageQuery = z.infer<typeof pageSchema>;
