// The availability document a mediator reads and writes (GET returns exactly what PUT accepts).
import { z } from "zod";
import { MODE_SLUGS, TOWN_SLUGS } from "../../domain";
import { hhmmToMinutes } from "./slots";
import { ISSUES } from "./issues";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, ISSUES.timeFormat);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), ISSUES.dateUnreal);
const modes = z.array(z.enum(MODE_SLUGS)).min(1, ISSUES.modesRequired).max(3);
const towns = z.array(z.enum(TOWN_SLUGS)).max(TOWN_SLUGS.length).default([]);

function townsFitModes(v: { modes: string[]; towns: string[] }, ctx: z.RefinementCtx) {
  if (v.modes.includes("onsite") && v.towns.length === 0)
    ctx.addIssue({ code: "custom", path: ["towns"], message: ISSUES.onsiteHoursNeedTowns });
  if (!v.modes.includes("onsite") && v.towns.length > 0)
    ctx.addIssue({ code: "custom", path: ["towns"], message: ISSUES.townsOnsiteHoursOnly });
}
function startIsNotEnd(v: { start: string; end: string }, ctx: z.RefinementCtx) {
  if (v.start === v.end) ctx.addIssue({ code: "custom", path: ["end"], message: ISSUES.endEqualsStart });
}

export const weeklyRangeSchema = z
  .object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm, modes, towns })
  .superRefine(townsFitModes)
  .superRefine(startIsNotEnd);

export const overrideSchema = z.union([
  z.object({ date: isoDate, unavailable: z.literal(true) }).strict(),
  z
    .object({ date: isoDate, unavailable: z.literal(false).optional(), start: hhmm, end: hhmm, modes, towns })
    .strict()
    .superRefine(townsFitModes)
    .superRefine(startIsNotEnd),
]);

/** The document's fields: the schemas below add a refinement, the answer's setting and the decisions. */
const documentShape = {
  weekly: z.array(weeklyRangeSchema).max(70),
  overrides: z.array(overrideSchema).max(400),
  sessionMinutes: z.number().int().min(15).max(480),
  bufferMinutes: z.number().int().min(0).max(240),
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  horizonDays: z.number().int().min(1).max(365),
  dailyCap: z.number().int().min(1).max(24),
};

function consistent(v: { weekly: z.infer<typeof weeklyRangeSchema>[]; overrides: z.infer<typeof overrideSchema>[] }, ctx: z.RefinementCtx) {
  // Overlapping weekly ranges on one day are almost always a typing mistake: say so.
  const spans = v.weekly.map((w, i) => {
    const s = (w.weekday - 1) * 1440 + hhmmToMinutes(w.start);
    let e = (w.weekday - 1) * 1440 + hhmmToMinutes(w.end);
    if (e <= s) e += 1440;
    return { s, e, i };
  });
  for (const a of spans)
    for (const b of spans)
      if (a.i < b.i && a.s < b.e && b.s < a.e)
        ctx.addIssue({ code: "custom", path: ["weekly", b.i], message: `overlaps weekly range ${a.i + 1}` });
  const offDates = new Set<string>();
  v.overrides.forEach((o, i) => {
    if (o.unavailable === true) {
      if (offDates.has(o.date)) ctx.addIssue({ code: "custom", path: ["overrides", i], message: ISSUES.dateTwice });
      offDates.add(o.date);
    }
  });
}

export const availabilitySchema = z.object(documentShape).strict().superRefine(consistent);

/**
 * What to do with a session the change would take out of the mediator's hours (ADR 030): keep it
 * (the mediator holds it anyway), move it (the party is offered the earliest free times), or cancel it
 * with a reason the party reads.
 */
export const STRANDED_ACTIONS = ["keep", "move", "cancel"] as const;
export type StrandedAction = (typeof STRANDED_ACTIONS)[number];
export const strandedDecisionSchema = z
  .object({
    booking: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .meta({ description: "The id of a stranded session (a booking)." }),
    action: z.enum(STRANDED_ACTIONS),
    reason: z.string().trim().max(500).optional().meta({ description: "Required to cancel: the party reads it." }),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.action === "cancel" && (d.reason ?? "").length < 2) ctx.addIssue({ code: "custom", path: ["reason"], message: ISSUES.reasonMin });
  });
export type StrandedDecision = z.infer<typeof strandedDecisionSchema>;

const instantConfirm = z
  .boolean()
  .default(false)
  .meta({ description: "Requests are confirmed at once, without waiting for the mediator's answer." });

/** What GET /api/v1/me/availability answers: the document and the instant-confirm setting. */
export const availabilityViewSchema = z
  .object({ ...documentShape, instantConfirm })
  .strict()
  .superRefine(consistent);

/** What PUT takes: what GET answers, and a decision for each session the change would strand. */
export const availabilityPutSchema = z
  .object({
    ...documentShape,
    instantConfirm,
    decisions: z
      .array(strandedDecisionSchema)
      .max(500)
      .default([])
      .meta({ description: "One per session the change would strand (the 409 sessions_stranded lists them)." }),
  })
  .strict()
  .superRefine(consistent);
export type AvailabilityPut = z.output<typeof availabilityPutSchema>;
export type AvailabilityView = z.output<typeof availabilityViewSchema>;

export type AvailabilityInput = z.infer<typeof availabilitySchema>;
export type AvailabilityDocument = z.output<typeof availabilitySchema>;

export const DEFAULT_RULES = { sessionMinutes: 60, bufferMinutes: 15, minNoticeHours: 24, horizonDays: 60, dailyCap: 4 };
