// Accounts, sessions and rate-limit counters.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES, ROLES, SESSION_KINDS } from "../../domain";
import { timestamps } from "./columns";
import { mediators } from "./pool";

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-cased on write. Personal data: never indexed, never logged. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    role: text("role", { enum: ROLES }).notNull(),
    /** For role mediator: the mediator record this account acts for. */
    mediatorId: integer("mediator_id").references(() => mediators.id),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    /** The language messages to this person are written in (the site's language when they last chose one). */
    locale: text("locale", { enum: LOCALES }).notNull().default("zh"),
    /** Staff of a town's office: told of cases that concern that town's duties (issue 9). */
    townSlug: text("town_slug"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email), uniqueIndex("users_mediator_idx").on(t.mediatorId)],
);

/**
 * Browser sessions and API tokens alike: the cookie or bearer value is a random secret; only its
 * SHA-256 is stored, so a leaked database does not leak live credentials. Revoking sets revoked_at.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // sha256(secret), hex
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Fixed-window counters for login attempts, per account and per address; shared by all processes. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/**
 * Invitations for a pool member to claim the account of their mediator record (issue 9). The link's
 * token is random and only its SHA-256 is kept; a claim is used once, lapses at `expires_at`, and is
 * revoked when the admin issues a new one for the same mediator.
 */
export const accountClaims = sqliteTable(
  "account_claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** sha256(token), hex. */
    tokenHash: text("token_hash").notNull(),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    issuedByUserId: integer("issued_by_user_id")
      .notNull()
      .references(() => users.id),
    issuedAt: integer("issued_at").notNull(), // epoch ms
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    /** The account the claim opened. */
    userId: integer("user_id").references(() => users.id),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("account_claims_token_idx").on(t.tokenHash), index("account_claims_mediator_idx").on(t.mediatorId)],
);

/**
 * What an admin did to an account (deactivated, reactivated, changed its role) or what a claim opened:
 * who, when, before and after. Rows are only ever inserted. Holds no e-mail, phone or password.
 */
export const accountEvents = sqliteTable(
  "account_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Null when the person acted on their own account (a claim). */
    actorUserId: integer("actor_user_id").references(() => users.id),
    at: integer("at").notNull(), // epoch ms
    event: text("event").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown>>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("account_events_user_idx").on(t.userId, t.id)],
);
