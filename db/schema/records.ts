// The records projection (issue 8, docs/case-figures.md): a mediator's or committee's outcomes per
// month, derived from case rows only, recomputed in the transaction of every change that moves them
// (app/models/records.server.ts) and tested equal to a full rebuild. Nothing here is entered by hand.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { HIT_ENTITIES } from "../../domain";

export const records = sqliteTable(
  "records",
  {
    /** Whose record: the case's `mediator_id` or its `committee_id`. */
    subject: text("subject", { enum: HIT_ENTITIES }).notNull(),
    subjectId: integer("subject_id").notNull(),
    /** A category slug, or '' for all categories together. */
    category: text("category").notNull(),
    /** A severity, or '' for all severities together. */
    severity: text("severity").notNull(),
    /** YYYY-MM in Asia/Shanghai of the date the figure is dated by (closing; confirmations: decision). */
    month: text("month").notNull(),
    closed: integer("closed").notNull().default(0),
    mediated: integer("mediated").notNull().default(0),
    agreements: integer("agreements").notNull().default(0),
    /** Fulfilment rate: agreements fulfilled, of agreements whose every instalment has a result. */
    fulfilled: integer("fulfilled").notNull().default(0),
    fulfilmentDecided: integer("fulfilment_decided").notNull().default(0),
    judicialConfirmations: integer("judicial_confirmations").notNull().default(0),
    ratings: integer("ratings").notNull().default(0),
    starsSum: integer("stars_sum").notNull().default(0),
    /** Σ (closed_at − created_at) in ms over the closed cases: exact, so rebuilds compare equal. */
    msToCloseSum: integer("ms_to_close_sum").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.subject, t.subjectId, t.category, t.severity, t.month] })],
);
