// Who mediates a case, and why (issue 9, "every request lands somewhere"). Each assignment stores the
// rule that decided it and the facts behind it as data (the candidates considered, why each skipped
// one was skipped), so staff and the mediator read the reason and the party reads a plain sentence.
// Conflicts of interest are the ties a mediator declared (or staff added); recusals, by the mediator
// or asked for by a party, trigger the next fallback. Times are epoch ms.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ASSIGNMENT_RULES, ASSIGNMENT_STATUSES, RECUSAL_BY, RECUSAL_STATUSES, TIE_KINDS } from "../../domain";
import { users } from "./accounts";
import { caseParties, cases } from "./cases";
import { categories, committees, mediators } from "./pool";

/** One attempt to give a case its mediator (or to route it to the general mediation window). */
export const caseAssignments = sqliteTable(
  "case_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** Null when the case was routed to the general mediation window. */
    mediatorId: integer("mediator_id").references(() => mediators.id),
    /** For a committee order: the committee the member was chosen within. */
    committeeId: integer("committee_id").references(() => committees.id),
    rule: text("rule", { enum: ASSIGNMENT_RULES }).notNull(),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("asked"),
    /** 1, 2, 3 for a party's ranked picks; null otherwise. */
    pickRank: integer("pick_rank"),
    /** The reason as data: { rule, considered: [...facts], skipped: [{ mediatorId, why }] }. */
    reason: text("reason", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Staff's words when they chose someone other than the suggestion (required then). */
    note: text("note"),
    /** Staff who decided; null when the party's pick or the system did. */
    decidedByUserId: integer("decided_by_user_id").references(() => users.id),
    decidedAt: integer("decided_at").notNull(),
    /** By when the asked mediator must answer (the response window). */
    respondBy: integer("respond_by"),
    answeredAt: integer("answered_at"),
  },
  (t) => [
    index("case_assignments_case_idx").on(t.caseId),
    // Fairness among equals: who was assigned least recently.
    index("case_assignments_mediator_idx").on(t.mediatorId, t.decidedAt),
    index("case_assignments_status_idx").on(t.status, t.respondBy),
  ],
);

/** A tie that makes a mediator conflicted for a case whose parties match it. */
export const mediatorTies = sqliteTable(
  "mediator_ties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    kind: text("kind", { enum: TIE_KINDS }).notNull(),
    /** As declared: "沈家门渔业村", "浙普渔 60123", "舟山蓝湾示例渔业有限公司", a relative's name. */
    name: text("name").notNull(),
    /** The name folded for matching (spaces and punctuation removed, lower case). */
    normalized: text("normalized").notNull(),
    note: text("note"),
    /** The mediator's own account, or the staff member who added it. */
    addedByUserId: integer("added_by_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    removedAt: integer("removed_at"),
  },
  (t) => [index("mediator_ties_mediator_idx").on(t.mediatorId), index("mediator_ties_normalized_idx").on(t.normalized)],
);

/** A recusal: the mediator steps aside, or a party asks them to (staff decide a party's request). */
export const recusals = sqliteTable(
  "recusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    requestedBy: text("requested_by", { enum: RECUSAL_BY }).notNull(),
    byUserId: integer("by_user_id").references(() => users.id),
    /** The party who asked (a respondent may have no account). */
    casePartyId: integer("case_party_id").references(() => caseParties.id),
    reason: text("reason").notNull(),
    status: text("status", { enum: RECUSAL_STATUSES }).notNull().default("requested"),
    at: integer("at").notNull(),
    decidedByUserId: integer("decided_by_user_id").references(() => users.id),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("recusals_case_idx").on(t.caseId)],
);

/**
 * The centre's choices per category: automatic assignment (the suggestion applied, staff told), and the
 * days a case of the category is due in (null, or no row: the domain's caseDaysFor, 15 for labour by law).
 */
export const categorySettings = sqliteTable("category_settings", {
  category: text("category_slug")
    .primaryKey()
    .references(() => categories.slug),
  autoAssign: integer("auto_assign", { mode: "boolean" }).notNull().default(false),
  dueDays: integer("due_days"),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  updatedAt: integer("updated_at").notNull(),
});
