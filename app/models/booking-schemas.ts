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
    /** Where the party sets out from, asked for a session at the centre (the case's town: who crosses the water). */
    partyTown: z.enum(TOWN_SLUGS).optional(),
    category: z.enum(CATEGORY_SLUGS),
    summary: z.string().trim().min(5, ISSUES.summaryMin).max(1000),
    counterpartyName: z.string().trim().max(60).optional(),
    /** The other side's phone: their invitation to agree on the mediator goes there by text message. */
    counterpartyPhone: mobileSchema.optional(),
    /** On site: where the mediator meets the party, and a phone to reach them on the day. */
    meetingPoint: z.string().trim().max(200).optional(),
    contactPhone: mobileSchema.optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,100}$/, ISSUES.idempotencyKeyFormat)
      .optional(),
  })
  .strict()
  // Every issue in one answer: these cross-field checks run even when a field above is already wrong
  // (zod skips refinements of an object with issues unless `when` says otherwise), so a form learns
  // about the missing mode and the missing town in the same reply.
  .superRefine(
    (raw, ctx) => {
      const v = raw as Partial<Record<keyof typeof raw, unknown>>;
      if ((v.mediatorId === undefined) === (v.committeeId === undefined))
        ctx.addIssue({ code: "custom", path: ["mediatorId"], message: ISSUES.oneSubject });
      if (v.mode === "onsite") {
        if (!v.town) ctx.addIssue({ code: "custom", path: ["town"], message: ISSUES.onsiteNeedsTown });
      } else if (typeof v.mode === "string") {
        if (v.town) ctx.addIssue({ code: "custom", path: ["town"], message: ISSUES.townOnsiteOnly });
        if (v.meetingPoint) ctx.addIssue({ code: "custom", path: ["meetingPoint"], message: ISSUES.meetingPointOnsiteOnly });
      }
      if (v.partyTown && v.mode !== "centre") ctx.addIssue({ code: "custom", path: ["partyTown"], message: ISSUES.partyTownCentreOnly });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

/**
 * The booking page asks more of an on-site order than the API (whose v1 clients may leave them out):
 * the meeting point and a phone for the day are required there, reported with every other issue.
 */
export const bookingFormSchema = createBookingSchema.superRefine(
  (raw, ctx) => {
    const v = raw as Partial<Record<keyof typeof raw, unknown>>;
    if (v.mode !== "onsite") return;
    if (typeof v.meetingPoint !== "string" || !v.meetingPoint.trim())
      ctx.addIssue({ code: "custom", path: ["meetingPoint"], message: ISSUES.onsiteNeedsMeetingPoint });
    if (v.contactPhone === undefined) ctx.addIssue({ code: "custom", path: ["contactPhone"], message: ISSUES.onsiteNeedsContactPhone });
  },
  { when: (payload) => typeof payload.value === "object" && payload.value !== null },
);

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
