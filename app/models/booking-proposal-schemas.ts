// The inputs of a mediator's proposed time for a confirmed session and of the party's answer (issue 11,
// ADR 029), without server code so the pages and the API share them.
import { z } from "zod";
import { rescheduleSchema } from "./booking-schemas";

export const proposeTimeSchema = z
  .object({ start: rescheduleSchema.shape.start, note: z.string().trim().min(1).max(500).optional() })
  .strict();
export const proposalAnswerSchema = z.object({ accept: z.boolean() }).strict();
