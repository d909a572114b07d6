// The queue operations of /api/v1 (issue 9), listed in the description's table (./document.server.ts):
// the staff work queue and the pre-litigation fast track (ADR 022).
import { workQueueQuerySchema } from "../models/work-queue.server";
import type { Operation } from "./document.server";
import { preLitigationSchema, workQueueSchema } from "./views";

const staff = ["staff", "admin"] as const;

export function queueOperations(_now: number): Operation[] {
  return [
    {
      id: "getWorkQueue",
      method: "get",
      path: "/api/v1/queue",
      tag: "centre",
      access: "account",
      roles: staff,
      description:
        "Every open case waiting for the centre, once per reason (no-mediator, pick-declined, pick-expired, pick-recused, committee-waiting, general-window, pre-litigation, recusal-requested, due-soon, overdue), oldest first, as of the request.",
      query: workQueueQuerySchema,
      ok: { status: 200, schema: workQueueSchema },
      errors: [400],
    },
    {
      id: "flagPreLitigation",
      method: "post",
      path: "/api/v1/cases/{id}/pre-litigation",
      tag: "centre",
      access: "account",
      roles: staff,
      description:
        "Flags a simple, open case for the pre-litigation team and gives it the team's judge guiding the fewest open cases (ADR 035); from then on its suggestion compares only the team's mediators. Flagging again answers with the first time and judge. A closed or non-simple case, or a team with no judge, is a 409.",
      ok: { status: 200, schema: preLitigationSchema },
      errors: [409],
    },
  ];
}
