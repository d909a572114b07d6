// The 3+X joint panel operations of /api/v1 (issue 9, ADR 027), listed in the description's table
// (./document.server.ts): the earliest common slots, booking all-or-nothing, a member's answer, the
// minutes, reading panels, and any possible member's slots. Their answers' schemas live here, checked
// against the model's view types below.
import { z } from "zod";
import { PANEL_MEMBER_STATUSES, PANEL_OUTCOMES, PANEL_ROLES, PANEL_STATUSES } from "../../domain/panel";
import {
  bookPanelSchema,
  cancelPanelSchema,
  replacePanelMemberSchema,
  replacementQuerySchema,
  panelMinutesSchema,
  panelSeatAnswerSchema,
  peopleSlotsQuerySchema,
  suggestPanelSchema,
} from "../models/panel-schemas";
import type { PanelCandidateView, PanelListItem, PanelSuggestionView, PanelView } from "../models/panel-types";
import type { Operation } from "./document.server";
import { slotsSchema } from "./views";

const staff = ["staff", "admin"] as const;
/** Every panel operation is the centre's and needs an account; most are for staff alone. */
const forAccounts = { tag: "centre", access: "account" } as const;
const forStaff = { ...forAccounts, roles: staff } as const;
const instant = z.iso.datetime({ offset: true });
const seat = z.string().meta({ description: '"judge", "chief-mediator", "legal-aid-lawyer" or "department:<category>".' });

export const panelSuggestionSchema = z
  .strictObject({
    timezone: z.string(),
    slots: z.array(
      z.strictObject({
        start: instant,
        end: instant,
        roomId: z.number().int(),
        roomName: z.string(),
        members: z.array(z.strictObject({ role: seat, personId: z.number().int(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: "PanelSuggestion" });

const memberSchema = z.strictObject({
  personId: z.number().int(),
  name: z.string(),
  title: z.string(),
  organisation: z.string().nullable(),
  role: z.enum(PANEL_ROLES),
  category: z.string().nullable(),
  seat,
  status: z.enum(PANEL_MEMBER_STATUSES),
  respondedAt: instant.nullable(),
  respondedByStaffName: z.string().nullable(),
  isViewer: z.boolean(),
  replaceable: z.boolean().meta({ description: "Staff may seat a replacement: declined, and no one has taken its place yet." }),
});

export const panelCandidatesSchema = z
  .strictObject({
    candidates: z.array(
      z.strictObject({
        personId: z.number().int(),
        name: z.string(),
        title: z.string(),
        organisation: z.string().nullable(),
        role: z.enum(PANEL_ROLES),
        category: z.string().nullable(),
        seat,
        listed: z.boolean(),
      }),
    ),
  })
  .meta({ id: "PanelCandidates" });

const panelFields = {
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  category: z.string(),
  severity: z.string(),
  status: z.enum(PANEL_STATUSES),
  cancelReason: z.string().nullable().meta({ description: "Why staff cancelled the panel; null unless cancelled." }),
  bookingId: z.number().int(),
  start: instant,
  end: instant,
  minutesLength: z.number().int(),
  roomId: z.number().int(),
  roomName: z.string(),
  members: z.array(memberSchema),
  createdAt: instant,
  actions: z.strictObject({
    recordMinutes: z.boolean(),
    confirm: z.boolean(),
    decline: z.boolean(),
    respondFor: z.boolean(),
    cancel: z.boolean(),
  }),
};

export const panelSchema = z
  .strictObject({
    ...panelFields,
    summary: z.string().meta({ description: "The case's summary: staff and seated members only. No party's name or phone is in a panel." }),
    minutes: z
      .strictObject({
        entries: z.array(z.strictObject({ personId: z.number().int().nullable(), speaker: z.string(), said: z.string() })),
        plan: z.string(),
        dissent: z.string(),
        outcome: z.enum(PANEL_OUTCOMES),
        recordedAt: instant,
        recordedByName: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "Panel" });

export const panelListSchema = z.strictObject({ panels: z.array(z.strictObject(panelFields)) }).meta({ id: "PanelList" });

export function panelOperations(_now: number): Operation[] {
  return [
    {
      id: "suggestPanelSlots",
      method: "post",
      path: "/api/v1/panels/suggest",
      ...forStaff,
      description:
        "For a major or group case (409 `illegal_transition` otherwise): the earliest common starts (up to 5, each after the previous one ends) within [from, to] at the centre where one candidate per seat (nobody in two seats) and a room are free for `minutes`, within each person's weekly hours and date overrides, outside their leave, after their minimum notice, with their buffer around what they hold and under their daily cap. A suggestion only: nothing is booked.",
      body: suggestPanelSchema,
      ok: { status: 200, schema: panelSuggestionSchema },
      errors: [409],
    },
    {
      id: "bookPanel",
      method: "post",
      path: "/api/v1/panels",
      ...forStaff,
      description:
        "Books the panel all-or-nothing in one transaction: one confirmed booking holding the room and a participant per seat, the seats invited (notified). 409 `slot_taken` and nothing booked when anyone or the room was taken meanwhile; 409 `illegal_transition` for a simple case or one with a panel booked; 422 when the time is outside someone's hours; 400 for a person who cannot take the seat.",
      body: bookPanelSchema,
      ok: { status: 201, schema: panelSchema },
      errors: [409, 422],
    },
    {
      id: "listPanels",
      method: "get",
      path: "/api/v1/panels",
      ...forAccounts,
      description: "Staff: every panel; a person with a seat: the panels they sit on; anyone else: none. Soonest first.",
      ok: { status: 200, schema: panelListSchema },
    },
    {
      id: "getPanel",
      method: "get",
      path: "/api/v1/panels/{id}",
      ...forAccounts,
      description: "Staff and the panel's seated members; a 404 for anyone else.",
      ok: { status: 200, schema: panelSchema },
    },
    {
      id: "answerPanelSeat",
      method: "post",
      path: "/api/v1/panels/{id}/seat",
      ...forAccounts,
      description:
        "A member confirms or declines their own seat; staff answer for a member (by phone) naming `personId`. A declined seat's time is released. Answering twice, or after the panel is held or cancelled, is a 409.",
      body: panelSeatAnswerSchema,
      ok: { status: 200, schema: panelSchema },
      errors: [409],
    },
    {
      id: "recordPanelMinutes",
      method: "post",
      path: "/api/v1/panels/{id}/minutes",
      ...forAccounts,
      description:
        "The minutes (会商纪要), once the panel has sat: who said what (a seated member by `personId`, anyone else by `speaker`), the plan, dissent, the outcome. Staff or the seated chief mediator (403 for other members); the panel is then held. Before it sits, or a second time, a 409.",
      body: panelMinutesSchema,
      ok: { status: 200, schema: panelSchema },
      errors: [409],
    },
    {
      id: "listPanelReplacements",
      method: "get",
      path: "/api/v1/panels/{id}/seats/replace",
      ...forStaff,
      description:
        "Who may take the seat of the member `declinedPersonId`, who declined: people who can sit in that role, not seated on the panel, and free for the panel's whole time (hours, notice, leave, and nothing they hold). 409 when the seat is not declined, already refilled, or the panel is no longer booked.",
      query: replacementQuerySchema,
      ok: { status: 200, schema: panelCandidatesSchema },
      errors: [400, 409],
    },
    {
      id: "replacePanelMember",
      method: "post",
      path: "/api/v1/panels/{id}/seats/replace",
      ...forStaff,
      description:
        "Seats `personId` in place of the declined `declinedPersonId` in one transaction: their time is held, their seat takes the declined one's place (which stays in the record as declined), and they are invited. 409 `slot_taken` and nothing written when they were booked meanwhile; 409 `illegal_transition` for a seat not declined or already refilled; 422 outside their hours; 400 for someone who cannot take the seat or is seated already.",
      body: replacePanelMemberSchema,
      ok: { status: 200, schema: panelSchema },
      errors: [409, 422],
    },
    {
      id: "cancelPanel",
      method: "post",
      path: "/api/v1/panels/{id}/cancel",
      ...forStaff,
      description:
        "Cancels a booked panel with a reason: its booking is cancelled, every member's and the room's time is freed, and every member is told. The case may then convene another panel. A panel cancelled already or held (minutes recorded) is a 409.",
      body: cancelPanelSchema,
      ok: { status: 200, schema: panelSchema },
      errors: [409],
    },
    {
      id: "getPersonSlots",
      method: "get",
      path: "/api/v1/people/{id}/slots",
      ...forStaff,
      description:
        "Free slots of anyone who may sit on a panel, by the `personId` panel suggestions return, whether or not they are in the public pool; the same shape and limits as a mediator's slots.",
      query: peopleSlotsQuerySchema,
      ok: { status: 200, schema: slotsSchema },
      errors: [400],
    },
  ];
}

// The answers' schemas describe the model's views exactly (both ways), as ./views.ts checks its own.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type PanelViewChecks = [
  Assert<Same<keyof z.output<typeof panelSchema>, keyof PanelView>>,
  Assert<Same<keyof z.output<typeof panelListSchema>["panels"][number], keyof PanelListItem>>,
  Assert<Same<z.output<typeof panelSuggestionSchema>, PanelSuggestionView>>,
  Assert<Same<z.output<typeof panelCandidatesSchema>["candidates"][number], PanelCandidateView>>,
];
