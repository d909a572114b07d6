// The assignment operations of /api/v1 (issue 9, ADR 021), listed in the description's table
// (./document.server.ts): the explained suggestion, staff's assignment, a decline, a recusal and a
// party's request for one.
import { assignSchema, caseDeclineSchema, fallbackSchema, recusalRequestSchema, recuseSchema } from "../models/assignment-schemas";
import type { Operation } from "./document.server";
import { bookingSchema, caseDeclinedSchema, recusalSchema, suggestionSchema } from "./views";

const staff = ["staff", "admin"] as const;

export function assignmentOperations(_now: number): Operation[] {
  return [
    {
      id: "suggestFallback",
      method: "post",
      path: "/api/v1/cases/{id}/fallback",
      tag: "cases",
      access: "account",
      roles: staff,
      description:
        "Nothing is booked. Candidates are the category's active mediators; never proposed: those who declined, expired or recused on this case, on leave within the response window, over capacity, conflicted, or without a free slot within the horizon. Ranked by a slot in a suitable mode (an island party: online or on site first), the `language` asked for, load against capacity, the record in the category, and who was assigned least recently. `suggestion` is null when no one qualifies.",
      body: fallbackSchema,
      ok: { status: 200, schema: suggestionSchema },
      errors: [409],
    },
    {
      id: "assignCase",
      method: "post",
      path: "/api/v1/cases/{id}/assign",
      tag: "cases",
      access: "account",
      roles: staff,
      description:
        "Books the mediator at `start` in `mode` (a pending request they confirm or decline). `reason` is required unless the mediator is the suggestion made now; a conflicted mediator is refused (409).",
      body: assignSchema,
      ok: { status: 201, schema: bookingSchema },
      errors: [409, 422],
    },
    {
      id: "declineCaseAssignment",
      method: "post",
      path: "/api/v1/cases/{id}/decline",
      tag: "cases",
      access: "account",
      roles: ["mediator", ...staff],
      description: "The asked mediator declines (staff for them give `mediatorId`); the next pick, or the fallback, is asked at once.",
      body: caseDeclineSchema,
      ok: { status: 200, schema: caseDeclinedSchema },
      errors: [409],
    },
    {
      id: "recuseFromCase",
      method: "post",
      path: "/api/v1/cases/{id}/recuse",
      tag: "cases",
      access: "account",
      roles: ["mediator", ...staff],
      description:
        "A mediator steps aside with a `reason` (staff recording it give `mediatorId`), or staff decide a party's request with `recusalId` and `grant`. A granted recusal asks the next pick, or the fallback, at once.",
      body: recuseSchema,
      ok: { status: 200, schema: recusalSchema },
      errors: [409],
    },
    {
      id: "requestRecusal",
      method: "post",
      path: "/api/v1/cases/{id}/recusal-request",
      tag: "cases",
      access: "codeOrAccount",
      description:
        "By a party of the case (or the respondent with the invitation `code`); the mediator standing on the case unless `mediatorId` names them. Staff decide.",
      body: recusalRequestSchema,
      ok: { status: 200, schema: recusalSchema },
      errors: [429],
    },
  ];
}
