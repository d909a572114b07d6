// The inputs of the panel use cases (issue 9, 3+X joint panels), without server code so a page's form
// validates with the schema the API and the model use. Messages are issue codes (./issues.ts).
import { DateTime } from "luxon";
import { z } from "zod";
import { CATEGORY_SLUGS } from "../../domain";
import { PANEL_OUTCOMES, PANEL_ROLES, type PanelRole } from "../../domain/panel";
import { ISSUES } from "./issues";

/** A panel sits at most as long as the longest session (the overlap triggers' look-back is a day). */
export const MAX_PANEL_MINUTES = 480;
export const MIN_PANEL_MINUTES = 30;
/** How far ahead a common slot is searched in one request. */
export const MAX_PANEL_HORIZON_DAYS = 92;
/** 3 + X: the X are a few departments. */
export const MAX_PANEL_SEATS = 10;

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat)
  .refine((d) => DateTime.fromISO(d).isValid, ISSUES.dateUnreal);
const minutes = z.number().int().min(MIN_PANEL_MINUTES).max(MAX_PANEL_MINUTES).multipleOf(15);

/** A seat as the API names it: a role, and for a department the category after a colon. */
export interface ParsedSeat {
  role: PanelRole;
  category: string | null;
}
const CATEGORY_SET = new Set<string>(CATEGORY_SLUGS);
export function parseSeat(seat: string): ParsedSeat | null {
  const [role, category, ...rest] = seat.split(":");
  if (rest.length) return null;
  if (role === "department") return category && CATEGORY_SET.has(category) ? { role, category } : null;
  if (category !== undefined || !(PANEL_ROLES as readonly string[]).includes(role)) return null;
  return { role: role as PanelRole, category: null };
}
export const seatName = (s: ParsedSeat) => (s.category ? `${s.role}:${s.category}` : s.role);

const seat = z
  .string()
  .max(80)
  .refine((s) => parseSeat(s) !== null, { message: "Not a seat: judge, chief-mediator, legal-aid-lawyer or department:<category>" });

export const suggestPanelSchema = z
  .object({
    caseId: id,
    roles: z.array(seat).min(1).max(MAX_PANEL_SEATS),
    from: date,
    to: date,
    minutes,
  })
  .strict()
  .refine((v) => v.to >= v.from, { path: ["to"], message: ISSUES.toBeforeFrom })
  .refine((v) => DateTime.fromISO(v.to).diff(DateTime.fromISO(v.from), "days").days < MAX_PANEL_HORIZON_DAYS, {
    path: ["to"],
    message: ISSUES.rangeTooLong,
  });
export type SuggestPanelInput = z.infer<typeof suggestPanelSchema>;

const members = z
  .array(z.object({ role: seat, personId: id }).strict())
  .min(1)
  .max(MAX_PANEL_SEATS)
  .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, ISSUES.listedTwice);

export const bookPanelSchema = z
  .object({
    caseId: id,
    start: z.iso.datetime({ offset: true, message: ISSUES.instantFormat }),
    minutes,
    roomId: id,
    members,
  })
  .strict();
export type BookPanelInput = z.infer<typeof bookPanelSchema>;

/** A member answers their own seat; staff answering for a member name them. */
export const panelSeatAnswerSchema = z.object({ answer: z.enum(["confirm", "decline"]), personId: id.optional() }).strict();

const words = (max: number) => z.string().trim().max(max);

/** Staff seat `personId` in place of the member `declinedPersonId`, who declined. */
export const replacePanelMemberSchema = z.object({ declinedPersonId: id, personId: id }).strict();
/** Who may replace the declined member (GET ?declinedPersonId=, from a query string). */
export const replacementQuerySchema = z.object({ declinedPersonId: z.coerce.number().pipe(id) }).strict();
/** Staff cancel a booked panel; every member reads the reason. */
export const cancelPanelSchema = z.object({ reason: words(500).min(2, ISSUES.reasonMin) }).strict();
export const panelMinutesSchema = z
  .object({
    entries: z
      .array(
        z
          .object({ personId: id.nullable(), speaker: words(60).optional(), said: words(2000).min(1) })
          .strict()
          .refine((e) => e.personId !== null || (e.speaker ?? "").length > 0, { path: ["speaker"], message: ISSUES.nameRequired }),
      )
      .min(1)
      .max(60),
    plan: words(4000).min(5, ISSUES.summaryMin),
    dissent: words(4000).default(""),
    outcome: z.enum(PANEL_OUTCOMES),
  })
  .strict();
export type PanelMinutesInput = z.infer<typeof panelMinutesSchema>;

export const peopleSlotsQuerySchema = z
  .object({ from: date.optional(), to: date.optional() })
  .strict()
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ["to"], message: ISSUES.toBeforeFrom });
