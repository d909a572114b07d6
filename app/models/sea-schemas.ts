// The inputs of the sea (issue 9): declaring a ferry suspension and answering the offer it made. No
// server code, so the staff page validates with the same schemas as the API. Messages are codes
// (./issues.ts).
import { z } from "zod";
import { TOWN_SLUGS } from "../../domain";
import { ISSUES } from "./issues";
import { isIslandTown } from "./sea-rules";

/** A storm is declared as forecast, a few days at most; a longer one is declared again when it lasts. */
export const MAX_SUSPENSION_DAYS = 7;
const isoInstant = z.iso.datetime({ offset: true, message: ISSUES.instantFormat });

/** `now` bounds the range: a suspension that is already over catches nothing and tells no one. */
export const declareSuspensionSchema = (now: number) =>
  z
    .strictObject({
      towns: z
        .array(z.enum(TOWN_SLUGS).refine(isIslandTown, ISSUES.seaTownNotIsland))
        .min(1, ISSUES.seaTownsRequired)
        .max(TOWN_SLUGS.length)
        .transform((towns) => [...new Set(towns)]),
      from: isoInstant,
      to: isoInstant,
      note: z.string().trim().max(500).optional().default(""),
    })
    .superRefine((v, ctx) => {
      const from = Date.parse(v.from);
      const to = Date.parse(v.to);
      if (to <= from) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.seaToAfterFrom });
      else if (to - from > MAX_SUSPENSION_DAYS * 86_400_000)
        ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.seaRangeTooLong });
      else if (to <= now) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.seaAlreadyOver });
    });
export type DeclareSuspensionInput = z.output<ReturnType<typeof declareSuspensionSchema>>;

/** The party's answer (or staff's, for a party on the phone): the same time online, or keep it as it is. */
export const seaOfferSchema = z.strictObject({ accept: z.enum(["online", "keep"]) });
export type SeaOfferInput = z.output<typeof seaOfferSchema>;
