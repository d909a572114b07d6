// The case: a dispute from intake to fulfilment (issue 8). The case row holds what is true of the
// whole case; its parties, the mutual choice of mediator, the agreement with its obligations and
// instalments, the judicial confirmation, the ratings and the audit log hang off it. Personal data
// (names, phones of the parties) lives in `case_parties` only: shown to those entitled, never indexed
// or logged. Amounts are integer fen (1 yuan = 100 fen).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  CASE_CHANNELS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONSENT_ANSWERS,
  FULFILMENT_RESULTS,
  JUDICIAL_RESULTS,
  MODE_SLUGS,
  PARTY_SIDES,
  SEVERITIES,
} from "../../domain";
import { users } from "./accounts";
import { timestamps } from "./columns";
import { categories, committees, mediators, towns } from "./pool";

/**
 * The major, group and death-compensation cases the dashboard counts apart (app/models/stats.server.ts),
 * as literal SQL: a query that repeats it word for word may use the partial index on it (SQLite matches
 * a partial index's WHERE by its terms; a bound parameter would not match).
 */
export const SEVERE_CASE_WHERE = "severity in ('major', 'group') or death_compensation = 1";

export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The number people see and say: 普调〔2026〕00123号 (year and sequence kept apart for ordering). */
    number: text("number"),
    numberYear: integer("number_year"),
    numberSeq: integer("number_seq"),
    /** The account that filed it: the applicant party online, or the staff member at the window. */
    filedByUserId: integer("party_user_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: CASE_CHANNELS }).notNull().default("online"),
    category: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    description: text("summary").notNull(),
    /** Superseded by case_parties (kept for rows made before it; read only as a fallback). */
    counterpartyName: text("counterparty_name"),
    town: text("town_slug").references(() => towns.slug),
    amountFen: integer("amount_fen"),
    severity: text("severity", { enum: SEVERITIES }).notNull().default("simple"),
    /** A claim for death compensation (死亡赔偿): the 2018 table counts these among the major cases. */
    deathCompensation: integer("death_compensation", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("submitted"),
    outcome: text("outcome", { enum: CASE_OUTCOMES }),
    /** The mediator both sides agreed on (or the centre assigned). */
    mediatorId: integer("mediator_id").references(() => mediators.id),
    committeeId: integer("committee_id").references(() => committees.id),
    /** Mediation is normally concluded within 30 days; per category (category_settings.due_days, caseDaysFor). Epoch ms. */
    dueAt: integer("due_at"),
    closedAt: integer("closed_at"),
    /** How the mediation was held (online, at the centre, on site), once it was. */
    mode: text("mode", { enum: MODE_SLUGS }),
    /** Visits to the centre the case needed: 0 (零跑), 1 (只跑一次), 2 meaning two or more. */
    visits: integer("visits").notNull().default(0),
    outcomeNote: text("outcome_note"),
    /** Routed to the general mediation window, the last fallback (issue 9); epoch ms. */
    generalWindowAt: integer("general_window_at"),
    /** Flagged by staff for the pre-litigation fast track (a `simple` case); epoch ms. */
    preLitigationAt: integer("pre_litigation_at"),
    /** The team's judge who guides a flagged case (ADR 035): chosen when it is flagged. */
    preLitigationJudgeId: integer("pre_litigation_judge_id").references(() => mediators.id),
    ...timestamps,
  },
  (t) => [
    index("cases_party_idx").on(t.filedByUserId),
    uniqueIndex("cases_number_idx").on(t.numberYear, t.numberSeq),
    index("cases_mediator_idx").on(t.mediatorId, t.closedAt),
    index("cases_committee_idx").on(t.committeeId, t.closedAt),
    index("cases_closed_idx").on(t.closedAt),
    // A year of 45,000 cases holds about a hundred severe ones: the dashboard reads them from here.
    index("cases_severe_closed_idx").on(t.closedAt).where(sql.raw(SEVERE_CASE_WHERE)),
    index("cases_created_idx").on(t.createdAt),
  ],
);

/** The applicant(s) and respondent(s) of a case. An invited respondent has a code (its SHA-256 here). */
export const caseParties = sqliteTable(
  "case_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    side: text("side", { enum: PARTY_SIDES }).notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    /** The party's account, when they have one (an applicant online always; a respondent seldom). */
    userId: integer("user_id").references(() => users.id),
    inviteCodeHash: text("invite_code_hash"),
    invitedAt: integer("invited_at"),
    /** When they acknowledged what people's mediation is (voluntary, free, either may stop…). */
    informedAt: integer("informed_at"),
    consent: text("consent", { enum: CONSENT_ANSWERS }),
    consentAt: integer("consent_at"),
    /** Staff who recorded an answer given in person or by phone; null when the party answered. */
    consentRecordedBy: integer("consent_recorded_by").references(() => users.id),
    agreementAckAt: integer("agreement_ack_at"),
  },
  (t) => [
    index("case_parties_case_idx").on(t.caseId),
    index("case_parties_user_idx").on(t.userId),
    uniqueIndex("case_parties_code_idx").on(t.inviteCodeHash),
  ],
);

/** The applicant's picks, asked in order (rank 1 first), and both sides' rankings of the shortlist. */
export const caseChoices = sqliteTable(
  "case_choices",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** `pick`: the applicant's order; `applicant`/`respondent`: their ranking of the shortlist. */
    list: text("list", { enum: ["pick", "shortlist", "applicant", "respondent"] }).notNull(),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    rank: integer("rank").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.list, t.mediatorId] })],
);

/** Every change to a case: who, when, what before and after; written in the change's transaction. */
export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    at: integer("at").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    /** Who acted, as the log says it: party, respondent (by invitation code), mediator, staff, system. */
    actor: text("actor").notNull(),
    event: text("event").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id)],
);

export const agreements = sqliteTable("agreements", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  caseId: integer("case_id")
    .notNull()
    .unique()
    .references(() => cases.id),
  facts: text("facts").notNull(),
  responsibility: text("responsibility").notNull().default(""),
  amountFen: integer("amount_fen"),
  madeAt: integer("made_at").notNull(),
  /** When every party had acknowledged it: the 30 days for judicial confirmation run from here. */
  effectiveAt: integer("effective_at"),
});

export const obligations = sqliteTable(
  "obligations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => agreements.id),
    obligor: text("obligor", { enum: PARTY_SIDES }).notNull(),
    description: text("description").notNull(),
    amountFen: integer("amount_fen"),
    method: text("method"),
    place: text("place"),
  },
  (t) => [index("obligations_agreement_idx").on(t.agreementId)],
);

/** Each obligation is due in one or more instalments; fulfilment is recorded per instalment. */
export const instalments = sqliteTable(
  "instalments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    obligationId: integer("obligation_id")
      .notNull()
      .references(() => obligations.id),
    seq: integer("seq").notNull(),
    /** Local date at the centre, YYYY-MM-DD. */
    dueOn: text("due_on").notNull(),
    amountFen: integer("amount_fen"),
    result: text("result", { enum: FULFILMENT_RESULTS }),
    resultAt: integer("result_at"),
    remindedAt: integer("reminded_at"),
  },
  (t) => [index("instalments_obligation_idx").on(t.obligationId, t.result), index("instalments_due_idx").on(t.dueOn)],
);

export const judicialConfirmations = sqliteTable("judicial_confirmations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  caseId: integer("case_id")
    .notNull()
    .unique()
    .references(() => cases.id),
  court: text("court").notNull(),
  appliedOn: text("applied_on").notNull(),
  reference: text("reference"),
  decidedOn: text("decided_on"),
  result: text("result", { enum: JUDICIAL_RESULTS }),
  ...timestamps,
});

/** One rating per party of a closed case; staff may hide an abusive comment (with a reason). */
export const ratings = sqliteTable(
  "ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    casePartyId: integer("case_party_id")
      .notNull()
      .unique()
      .references(() => caseParties.id),
    stars: integer("stars").notNull(),
    comment: text("comment"),
    at: integer("at").notNull(),
    hiddenAt: integer("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: integer("hidden_by").references(() => users.id),
  },
  (t) => [index("ratings_case_idx").on(t.caseId, t.stars)],
);
