// The public free-slot listing for a mediator or a committee.
import { DateTime } from "luxon";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { committees, mediators } from "../../db/schema";
import { CENTRE_TIMEZONE, MODE_SLUGS } from "../../domain";
import { getDb } from "../db.server";
import { committeeSlots, mediatorSlots } from "./availability.server";
import { iso } from "./booking-view";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date as YYYY-MM-DD")
  .refine((d) => DateTime.fromISO(d).isValid, "not a real date");
export const MAX_SLOT_DAYS = 62;

export const slotsQuerySchema = z
  .object({ from: date.optional(), to: date.optional(), mode: z.enum(MODE_SLUGS).optional() })
  .strict()
  .transform((v) => {
    const from = v.from ?? DateTime.now().setZone(CENTRE_TIMEZONE).toISODate()!;
    const to = v.to ?? DateTime.fromISO(from).plus({ days: 13 }).toISODate()!;
    return { from, to, mode: v.mode };
  })
  .refine((v) => v.to >= v.from, { path: ["to"], message: "to must not be before from" })
  .refine((v) => DateTime.fromISO(v.to).diff(DateTime.fromISO(v.from), "days").days < MAX_SLOT_DAYS, {
    path: ["to"],
    message: `at most ${MAX_SLOT_DAYS} days at a time`,
  });
export type SlotsQuery = z.output<typeof slotsQuerySchema>;

export interface SlotsView {
  timezone: string;
  slots: { start: string; end: string; modes: string[]; towns: string[] }[];
}

/** Null when the mediator or committee does not exist. */
export function listSlots({ kind, id, query }: { kind: "mediator" | "committee"; id: number; query: SlotsQuery }): SlotsView | null {
  const db = getDb();
  const now = Date.now();
  const table = kind === "mediator" ? mediators : committees;
  const exists = db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.active, true)))
    .get();
  if (!exists) return null;
  const slots = kind === "mediator" ? mediatorSlots(db, id, { ...query, now }) : committeeSlots(db, id, { ...query, now });
  return {
    timezone: CENTRE_TIMEZONE,
    slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end), modes: s.modes, towns: s.towns })),
  };
}
