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
    /**
     * Lower-cased on write. Personal data: never logged. Null for a party who signs in by phone only
     * (issue 11, migration 0013), and for an account whose personal data was deleted.
     */
    email: text("email"),
    /** argon2id; null for an account that has only ever signed in with a code sent to its phone. */
    passwordHash: text("password_hash"),
    name: text("name").notNull(),
    /** Where text messages go, as typed before 0013 (new numbers are normalised). */
    phone: text("phone"),
    /**
     * The mobile number this account signs in with, normalised to 11 digits (domain/phone.ts); unique.
     * 0013 fills it from `phone` where that is a valid mobile number no other account has.
     */
    loginPhone: text("login_phone"),
    /** The version of the personal-data notice (/privacy) the person agreed to, and when (epoch ms). */
    consentVersion: text("consent_version"),
    consentAt: integer("consent_at"),
    /** When the person deleted their personal data: the row stays, anonymised, for the cases' records. */
    anonymisedAt: integer("anonymised_at"),
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
  (t) => [
    uniqueIndex("users_email_idx").on(t.email),
    uniqueIndex("users_mediator_idx").on(t.mediatorId),
    uniqueIndex("users_login_phone_idx").on(t.loginPhone),
  ],
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

/**
 * One-time codes sent by text message (issue 11): to sign in (or open an account) and to reset a
 * password. Only an argon2id hash of the code is kept; a code lives 5 minutes, is used once and dies
 * after a few wrong tries (`attempts` is counted before the hash is checked).
 */
export const otpCodes = sqliteTable(
  "otp_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Normalised 11-digit mobile number. Personal data: never logged. */
    phone: text("phone").notNull(),
    purpose: text("purpose", { enum: ["sign-in", "reset"] }).notNull(),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(), // epoch ms
    expiresAt: integer("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: integer("used_at"),
  },
  (t) => [index("otp_codes_phone_idx").on(t.phone, t.purpose, t.id)],
);

/** Password-reset links sent by e-mail: 32 random bytes, only their SHA-256 kept, 30 minutes, used once. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("password_resets_token_idx").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);
