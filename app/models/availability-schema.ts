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

export const availabilitySchema = z
  .object({
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
  })
  .strict()
  .superRefine((v, ctx) => {
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
  });

export type AvailabilityInput = z.infer<typeof availabilitySchema>;
export type AvailabilityDocument = z.output<typeof availabilitySchema>;

export const DEFAULT_RULES = { sessionMinutes: 60, bufferMinutes: 15, minNoticeHours: 24, horizonDays: 60, dailyCap: 4 };
