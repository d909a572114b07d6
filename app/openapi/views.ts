// The answers of /api/v1 as zod schemas, for the OpenAPI description only: the routes return the models'
// views as they are, so these schemas describe them rather than parse them. What keeps them honest:
// - the type checks at the bottom fail `tsc` when a model's view gains, loses or retypes a field the
//   schema does not;
// - tests/integration/api-openapi.test.ts validates real answers against the generated JSON Schema, and
//   Schemathesis (scripts/schemathesis.sh) does so for thousands of generated requests.
// Objects are strict (`additionalProperties: false`) so an undescribed field is a failure, not a surprise.
import { z } from "zod";
import {
  BOOKING_STATUSES,
  CANCELLED_BY,
  CASE_CHANNELS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONSENT_ANSWERS,
  FACETS,
  HIT_KINDS,
  MODE_SLUGS,
  PARTY_SIDES,
  QUEUE_REASONS,
  SEVERITIES,
  type HitKind,
  type QueueReason,
} from "../../domain";
import type { User } from "../models/auth.server";
import type { BookingView } from "../models/booking-view";
import type { BookingPage } from "../models/bookings.server";
import { CASE_EVENTS } from "../models/case-rules";
import type { listCaseEvents } from "../models/case-audit.server";
import type { CasePage, CaseView } from "../models/cases.server";
import type { CommitteeProfile, MediatorProfile } from "../models/mediators.server";
import type { RecordView } from "../models/records.server";
import type { SearchHitView, SearchResponse } from "../models/search.server";
import type { SlotsView } from "../models/slots-query.server";
import { STATS_GROUPS, type CentreStats } from "../models/stats-types";
import { ROLES } from "../models/auth.server";
import type { PreLitigationView } from "../models/pre-litigation.server";
import type { WorkQueue, WorkQueueItem } from "../models/work-queue.server";

/** An instant as the API writes it: ISO 8601 with the centre's offset (+08:00). */
const instant = z.iso.datetime({ offset: true });
const localDate = z.iso.date();
const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);
const id = z.number().int().positive();

// ── errors ─────────────────────────────────────────────────────────────────────────────────────────

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. `invalid_input`, `not_found`, `slot_taken`." }),
      message: z.string().meta({ description: "English, for developers; pages word refusals themselves." }),
      reason: z
        .string()
        .optional()
        .meta({ description: "Why a step on a case was refused, stable (e.g. `not_your_step`, `no_agreement`); case steps only." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Per field (dotted path, `_` for the whole body): what is wrong with it." }),
      sessions: z
        .array(
          z.strictObject({
            bookingId: z.number().int(),
            caseNumber: z.string().nullable(),
            status: z.enum(["pending", "confirmed"]),
            start: z.string(),
            end: z.string(),
            mode: z.string(),
            town: z.string().nullable(),
          }),
        )
        .optional()
        .meta({
          description:
            "`sessions_stranded` only (PUT /api/v1/me/availability): the booked sessions the change would strand, each needing a decision.",
        }),
    }),
  })
  .meta({ id: "Error", description: "Every refusal of the API has this shape." });

// ── the pool ───────────────────────────────────────────────────────────────────────────────────────

const highlight = z
  .strictObject({
    name: z.string().optional(),
    title: z.string().optional(),
    organisation: z.string().optional(),
    bio: z.string().optional(),
    categoryNames: z.string().optional(),
  })
  .meta({ description: "Matched words wrapped in <mark>, per field." });

const hitFields = {
  id,
  kind: z.enum(HIT_KINDS),
  name: z.string(),
  namePinyin: z.string(),
  title: z.string(),
  organisation: z.string().nullable(),
  categories: z.array(z.string()),
  towns: z.array(z.string()),
  modes: z.array(z.string()),
  languages: z.array(z.string()),
  yearsOfExperience: count,
  stats: z.strictObject({ closed: count, agreements: count, successRate: rate, score: z.number().min(0).max(1) }),
  nextAvailableAt: instant.nullable(),
  highlight,
};
export const searchHitSchema = z.strictObject(hitFields).meta({ id: "SearchHit" });

export const searchResponseSchema = z
  .strictObject({
    total: count,
    page: z.number().int().min(1),
    perPage: z.number().int().min(1),
    engine: z.enum(["embedded", "meilisearch"]),
    fallback: z.boolean().meta({ description: "Meilisearch is configured but the embedded index answered (ADR 017)." }),
    fallbackReason: z.enum(["timeout", "error", "circuit-open", "not-ready"]).optional(),
    tookMs: z.number().min(0),
    hits: z.array(searchHitSchema),
    facets: z.strictObject(
      Object.fromEntries(FACETS.map((f) => [f, z.record(z.string(), count)])) as Record<
        (typeof FACETS)[number],
        z.ZodRecord<z.ZodString, typeof count>
      >,
    ),
  })
  .meta({ id: "SearchResult" });

export const recordSchema = z
  .strictObject({
    closed: count,
    agreements: count,
    mediated: count,
    agreementRate: rate,
    fulfilmentRate: rate,
    judicialConfirmations: count,
    medianDaysToClose: z.number().min(0).nullable(),
    satisfaction: rate.meta({
      description: "The share of ratings with 4 or 5 stars (as the centre's satisfactionRate); null with no ratings.",
    }),
    ratings: count,
    score: z.number().min(0).max(1),
    from: localDate,
    to: localDate,
  })
  .meta({ id: "Record", description: "The last 12 months from case rows (docs/case-figures.md)." });

/** A profile's record in the category the party searched (pages only; the API's record takes `?category=`). */
const categoryRecordSchema = recordSchema.extend({ category: z.string() });

const committeeRole = z.enum(["chair", "member"]);
export const mediatorProfileSchema = z
  .strictObject({
    ...hitFields,
    kind: z.enum(HIT_KINDS.filter((k): k is Exclude<HitKind, "committee"> => k !== "committee") as [Exclude<HitKind, "committee">]),
    licenceNo: z.string().nullable(),
    bio: z.string(),
    gender: z.enum(["female", "male"]).nullable(),
    committees: z.array(z.strictObject({ id, name: z.string(), role: committeeRole })),
    record: recordSchema.optional(),
    categoryRecord: categoryRecordSchema.optional(),
  })
  .meta({ id: "Mediator" });

export const committeeProfileSchema = z
  .strictObject({
    ...hitFields,
    description: z.string(),
    members: z.array(z.strictObject({ ...hitFields, role: committeeRole })),
    record: recordSchema.optional(),
    categoryRecord: categoryRecordSchema.optional(),
  })
  .meta({ id: "Committee" });

export const slotsSchema = z
  .strictObject({
    timezone: z.string(),
    slots: z.array(z.strictObject({ start: instant, end: instant, modes: z.array(z.string()), towns: z.array(z.string()) })),
  })
  .meta({ id: "Slots" });

export const alternativesSchema = z.strictObject({ mediators: z.array(searchHitSchema) });

// ── accounts ───────────────────────────────────────────────────────────────────────────────────────

export const tokenSchema = z.strictObject({
  token: z.string().meta({ description: "Send as `Authorization: Bearer <token>`." }),
  expiresAt: z.iso.datetime(),
});
export const registeredSchema = z.strictObject({
  user: z.strictObject({ id, email: z.string(), name: z.string(), role: z.enum(ROLES) }),
});
export const meSchema = z
  .strictObject({
    id,
    email: z.string().nullable().meta({ description: "Null for a party who signs in by phone only." }),
    name: z.string(),
    role: z.enum(ROLES),
    mediatorId: id.optional(),
  })
  .meta({ id: "Me" });
export const revokedSchema = z.strictObject({ revoked: count });

// ── bookings ───────────────────────────────────────────────────────────────────────────────────────

export const bookingSchema = z
  .strictObject({
    id,
    caseId: id,
    caseNumber: z.string(),
    awaitingConsent: z.boolean(),
    status: z.enum(BOOKING_STATUSES),
    mediatorId: id,
    mediatorName: z.string(),
    committeeId: id.nullable(),
    committeeName: z.string().nullable(),
    assignmentReason: z.string(),
    start: instant,
    end: instant,
    mode: z.enum(MODE_SLUGS),
    town: z.string().nullable(),
    room: z.string().nullable(),
    respondBy: instant,
    category: z.string(),
    summary: z.string(),
    counterpartyName: z.string().nullable(),
    partyName: z.string(),
    declineReason: z.string().nullable(),
    cancelReason: z.string().nullable(),
    cancelledBy: z.enum(CANCELLED_BY).nullable(),
    rescheduledFromId: id.nullable(),
    proposedStart: instant.nullable().meta({
      description:
        "Declined with another free time of the same mediator proposed instead; on a confirmed session, the time the mediator proposes to move it to (the party accepts or refuses).",
    }),
    pendingChange: z
      .strictObject({ id, start: instant, respondBy: instant })
      .nullable()
      .meta({ description: "A move of this confirmed session waiting for the mediator: the session keeps its time meanwhile." }),
    changeOf: z
      .strictObject({ id, start: instant })
      .nullable()
      .meta({ description: "This request moves a confirmed session, which stands until this one is confirmed." }),
    meetingPoint: z.string().nullable(),
    partyContact: z
      .strictObject({ phone: z.string().nullable(), contactPhone: z.string().nullable() })
      .nullable()
      .meta({ description: "For the party, and for the booked mediator once the session is confirmed; null for anyone else." }),
    actedByName: z.string().nullable().meta({ description: "The staff member who confirmed or declined for the mediator." }),
    createdAt: instant,
    viewer: z.enum(["party", "mediator", "staff"]),
    actions: z.strictObject({
      confirm: z.boolean(),
      decline: z.boolean(),
      cancel: z.boolean(),
      reschedule: z.union([z.boolean(), z.literal("too_late")]),
      propose: z.boolean(),
      answerProposal: z.boolean(),
    }),
  })
  .meta({ id: "Booking" });

const pageFields = { total: count, page: z.number().int().min(1), perPage: z.number().int().min(1) };
export const bookingPageSchema = z.strictObject({ bookings: z.array(bookingSchema), ...pageFields }).meta({ id: "BookingPage" });

// ── cases ──────────────────────────────────────────────────────────────────────────────────────────

const caseActor = z.enum(["applicant", "respondent", "mediator", "staff", "system"]);
const named = z.strictObject({ id, name: z.string() });
export const caseSchema = z
  .strictObject({
    id,
    number: z.string(),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    channel: z.enum(CASE_CHANNELS),
    category: z.string(),
    description: z.string(),
    town: z.string().nullable(),
    amountYuan: z.number().min(0).nullable(),
    severity: z.enum(SEVERITIES),
    mediator: named.nullable(),
    committeeId: id.nullable(),
    preLitigation: z
      .strictObject({ at: instant, judge: named.nullable() })
      .nullable()
      .meta({ description: "On the pre-litigation fast track since `at`, guided by the team's judge (ADR 035); null otherwise." }),
    picks: z.array(z.strictObject({ id, name: z.string(), rank: z.number().int().min(1) })),
    parties: z.array(
      z.strictObject({
        id,
        side: z.enum(PARTY_SIDES),
        name: z.string(),
        phone: z.string().nullable().meta({ description: "Only for the centre's staff and the case's mediator." }),
        informed: z.boolean(),
        consent: z
          .string()
          .nullable()
          .meta({ description: `One of ${CONSENT_ANSWERS.join(", ")}; null before an answer.` }),
        agreementAcknowledged: z.boolean(),
      }),
    ),
    dueAt: instant.nullable(),
    closedAt: instant.nullable(),
    visits: z.number().int().min(0),
    createdAt: instant,
    viewer: caseActor,
    actions: z.array(z.enum(CASE_EVENTS as [string, ...string[]])),
  })
  .meta({ id: "Case" });

export const caseFiledSchema = z.strictObject({ id, number: z.string(), status: z.literal("submitted") }).meta({ id: "CaseFiled" });

export const casePageSchema = z
  .strictObject({
    cases: z.array(
      z.strictObject({
        id,
        number: z.string(),
        status: z.enum(CASE_STATUSES),
        outcome: z.enum(CASE_OUTCOMES).nullable(),
        category: z.string(),
        createdAt: instant,
        dueAt: instant.nullable(),
        mediator: named.nullable(),
      }),
    ),
    ...pageFields,
  })
  .meta({ id: "CasePage" });

const jsonObject = z.record(z.string(), z.unknown()).nullable();
export const auditSchema = z.strictObject({
  events: z.array(
    z.strictObject({
      id,
      at: z.number().int().meta({ description: "Milliseconds since the epoch." }),
      actor: z.string(),
      actorName: z.string().nullable(),
      event: z.string(),
      before: jsonObject,
      after: jsonObject,
    }),
  ),
});

export const hiddenSchema = z.strictObject({ hidden: z.literal(true) });

// ── the centre's figures ───────────────────────────────────────────────────────────────────────────

const figures = {
  handled: count,
  online: count,
  inPerson: count,
  closed: count,
  mediated: count,
  zeroVisitRate: rate,
  oneVisitRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
  agreementRate: rate,
  fulfilmentRate: rate,
  judicialConfirmations: count,
  fulfilledOnTimeAfterConfirmation: count,
  enforced: count,
  majorCases: count,
  majorAgreed: count,
  islandOnlineMediations: count,
};
const severeFigures = z.strictObject({
  closed: count,
  outcomes: z.strictObject(
    Object.fromEntries(CASE_OUTCOMES.map((o) => [o, count])) as Record<(typeof CASE_OUTCOMES)[number], typeof count>,
  ),
  fulfilled: count,
});
export const statsSchema = z
  .strictObject({
    ...figures,
    from: localDate,
    to: localDate,
    severeCases: z.strictObject({ major: severeFigures, group: severeFigures, deathCompensation: severeFigures }).meta({
      description: "Major and group cases, and death-compensation ones, closed in the period: per outcome, and fulfilled in full.",
    }),
    majorFulfilled: count,
    groupBy: z.enum(STATS_GROUPS).optional(),
    groups: z.array(z.strictObject({ key: z.string(), ...figures })).optional(),
  })
  .meta({ id: "Stats", description: "Rates are fractions 0–1, null when there is nothing to divide by." });

// ── the schemas against the models' types ──────────────────────────────────────────────────────────

/** True when every value of T fits the schema's type and both have the same top-level fields. */
type Describes<S extends z.ZodType, T> = [T] extends [z.output<S>]
  ? [Exclude<keyof T, keyof z.output<S>> | Exclude<keyof z.output<S>, keyof T>] extends [never]
    ? true
    : false
  : false;
type Assert<T extends true> = T;
type Me = Pick<User, "id" | "email" | "name" | "role"> & { mediatorId?: number };
type AuditRow = ReturnType<typeof listCaseEvents>[number];

export type ViewChecks = [
  Assert<Describes<typeof searchHitSchema, SearchHitView>>,
  Assert<Describes<typeof searchResponseSchema, SearchResponse>>,
  Assert<Describes<typeof recordSchema, RecordView>>,
  Assert<Describes<typeof mediatorProfileSchema, MediatorProfile>>,
  Assert<Describes<typeof committeeProfileSchema, CommitteeProfile>>,
  Assert<Describes<typeof slotsSchema, SlotsView>>,
  Assert<Describes<typeof meSchema, Me>>,
  Assert<Describes<typeof bookingSchema, BookingView>>,
  Assert<Describes<typeof bookingPageSchema, BookingPage>>,
  Assert<Describes<typeof caseSchema, CaseView>>,
  Assert<Describes<typeof casePageSchema, CasePage>>,
  Assert<Describes<(typeof auditSchema.shape.events)["element"], AuditRow>>,
  Assert<Describes<typeof statsSchema, CentreStats>>,
];

// ── the staff work queue and the pre-litigation fast track (issue 9, ADR 022) ───────────────────────

export const workQueueItemSchema = z
  .strictObject({
    caseId: id,
    number: z.string(),
    reason: z.enum(QUEUE_REASONS),
    since: instant.meta({ description: "Since when the case waits for this reason." }),
    dueAt: instant.nullable(),
    category: z.string(),
    town: z.string().nullable(),
    channel: z.enum(CASE_CHANNELS),
    severity: z.enum(SEVERITIES),
  })
  .meta({ id: "WorkQueueItem" });
export const workQueueSchema = z
  .strictObject({
    items: z.array(workQueueItemSchema),
    counts: z
      .strictObject(Object.fromEntries(QUEUE_REASONS.map((r) => [r, count])) as Record<QueueReason, typeof count>)
      .meta({ description: "Items per reason under the category, town and channel filters (not the reason)." }),
    total: count,
    page: z.number().int().min(1),
    perPage: z.number().int().min(1),
    pages: z.number().int().min(1),
  })
  .meta({ id: "WorkQueue", description: "Oldest first; a case waiting for several reasons is an item per reason." });
export const preLitigationSchema = z
  .strictObject({
    caseId: id,
    number: z.string(),
    preLitigationAt: instant,
    judge: z.strictObject({ personId: id, name: z.string() }).meta({ description: "The team's judge who guides the case." }),
  })
  .meta({ id: "PreLitigation", description: "When the case was flagged (the first time, if flagged again)." });

export type QueueViewChecks = [
  Assert<Describes<typeof workQueueSchema, WorkQueue>>,
  Assert<Describes<typeof workQueueItemSchema, WorkQueueItem>>,
  Assert<Describes<typeof preLitigationSchema, PreLitigationView>>,
];

// ── the sea: ferry suspensions and the sessions they caught (issue 9, ADR 023) ──────────────────────
import { SEA_SESSION_ACTIONS, TOWN_SLUGS } from "../../domain";
import type { DeclaredSession, DeclaredSuspension, SuspendedSessionView, SuspensionView } from "../models/sea.server";

const seaInterval = z.strictObject({ start: instant, end: instant });
const seaCrossing = z.enum(["party", "mediator", "both"]).meta({ description: "Who must cross the water to attend." });
export const seaDeclaredSessionSchema = z.strictObject({
  bookingId: id,
  caseNumber: z.string().optional(),
  start: instant,
  mode: z.enum(MODE_SLUGS),
  crossing: seaCrossing,
  offer: z.strictObject({
    online: seaInterval.nullable().meta({ description: "The same time online; null when the mediator does not work online." }),
    times: z.array(seaInterval).max(3).meta({ description: "The earliest free times of the same mediator after the suspension." }),
  }),
});
export const seaDeclaredSchema = z
  .strictObject({
    id,
    towns: z.array(z.enum(TOWN_SLUGS)),
    from: instant,
    to: instant,
    note: z.string(),
    affected: z.array(seaDeclaredSessionSchema),
  })
  .meta({ id: "SeaSuspensionDeclared" });
const seaSessionSchema = z.strictObject({
  bookingId: id,
  caseNumber: z.string(),
  partyName: z.string(),
  mediatorName: z.string(),
  start: instant,
  end: instant,
  mode: z.enum(MODE_SLUGS),
  town: z.string().nullable(),
  crossing: seaCrossing,
  offeredOnline: z.boolean(),
  action: z.enum(SEA_SESSION_ACTIONS),
  resolvedAt: instant.nullable(),
  resolvedByStaff: z.boolean(),
  open: z.boolean().meta({ description: "Still waiting for an answer that can be given (not begun, not lifted)." }),
});
const seaSuspensionSchema = z.strictObject({
  id,
  towns: z.array(z.string()),
  from: instant,
  to: instant,
  note: z.string(),
  createdAt: instant,
  liftedAt: instant.nullable(),
  inForce: z.boolean(),
  sessions: z.array(seaSessionSchema),
});
export const seaSuspensionListSchema = z
  .strictObject({ suspensions: z.array(seaSuspensionSchema) })
  .meta({ id: "SeaSuspensions", description: "Newest first." });

export type SeaViewChecks = [
  Assert<Describes<typeof seaDeclaredSessionSchema, DeclaredSession>>,
  Assert<Describes<typeof seaDeclaredSchema, DeclaredSuspension>>,
  Assert<Describes<typeof seaSessionSchema, SuspendedSessionView>>,
  Assert<Describes<typeof seaSuspensionSchema, SuspensionView>>,
];

// ── the fallback: the explained suggestion, a declined ask, a recusal (issue 9, ADR 021) ───────────
import { ASSIGNMENT_RULES, ASSIGNMENT_STATUSES, LANGUAGE_SLUGS, RECUSAL_STATUSES, TIE_KINDS } from "../../domain";
import type { SuggestionView } from "../models/assignment-staff.server";
import { CRITERIA, SKIP_REASONS } from "../models/fallback-rank";

const sessionSlot = { start: instant, end: instant, mode: z.enum(MODE_SLUGS) };
const consideredSchema = z.strictObject({
  mediatorId: id,
  slot: z.strictObject({
    ...sessionSlot,
    preferred: z.boolean().meta({ description: "In a mode the party gets first (an island party: online or on site)." }),
  }),
  speaksLanguage: z.boolean().nullable().meta({ description: "Null when no language was asked for." }),
  openCases: count,
  capacityOpenCases: count,
  sessionsWeek: count,
  capacitySessionsWeek: count,
  load: z.number().min(0).meta({ description: "The larger of cases open and sessions this week against capacity." }),
  record: z.strictObject({ score: z.number().min(0).max(1), mediated: count }),
  lastAssignedAt: instant.nullable(),
});
const skippedSchema = z.strictObject({
  mediatorId: id,
  why: z.enum(SKIP_REASONS),
  tie: z.strictObject({ id, kind: z.enum(TIE_KINDS) }).optional(),
});
export const fallbackReasonSchema = z
  .strictObject({
    rule: z.enum(["suggestion", "committee-member"]),
    team: z
      .enum(["pre-litigation"])
      .nullable()
      .meta({ description: "The candidates were this team's people (a case on the pre-litigation fast track), not the category's pool." }),
    decidedBy: z
      .enum([...CRITERIA, "only-candidate", "id"])
      .nullable()
      .meta({ description: "The first criterion on which the suggestion beat the runner-up." }),
    island: z.boolean(),
    language: z.enum(LANGUAGE_SLUGS).nullable(),
    horizonDays: count,
    considered: z.array(consideredSchema),
    skipped: z.array(skippedSchema),
    counts: z.strictObject({ candidates: count, considered: count, skipped: count }),
  })
  .meta({ id: "FallbackReason" });
export const suggestionSchema = z
  .strictObject({
    suggestion: z.strictObject({ mediatorId: id, slot: z.strictObject(sessionSlot) }).nullable(),
    reason: fallbackReasonSchema,
  })
  .meta({ id: "FallbackSuggestion" });
const nextSchema = z
  .strictObject({ rule: z.enum(ASSIGNMENT_RULES), mediatorId: id.nullable(), status: z.enum(ASSIGNMENT_STATUSES).optional() })
  .nullable()
  .meta({ description: "Who was asked next (the next pick or the applied suggestion); null when the case waits for staff." });
export const caseDeclinedSchema = z.strictObject({ caseId: id, declined: id, next: nextSchema });
export const recusalSchema = z.strictObject({ recusalId: id, status: z.enum(RECUSAL_STATUSES), next: nextSchema.optional() });

export type AssignmentViewChecks = [Assert<Describes<typeof suggestionSchema, SuggestionView>>];
