// The one schema module (drizzle). snake_case columns; migrations are generated from this file into
// db/migrations by `npm run db:generate` and committed.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  BOOKING_STATUSES,
  CANCELLED_BY,
  CASE_STATUSES,
  CHANNELS,
  COMMITTEE_ROLES,
  GENDERS,
  HIT_ENTITIES,
  LOCALES,
  MEDIATOR_KINDS,
  MODE_SLUGS,
  ROLES,
  SESSION_KINDS,
} from "../domain";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

// Reference tables: their rows mirror domain/index.ts and are upserted by the seed on every start, so
// foreign keys from the join tables below hold.
export const categories = sqliteTable("categories", {
  slug: text("slug").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
});

export const towns = sqliteTable("towns", {
  slug: text("slug").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  island: integer("island", { mode: "boolean" }).notNull().default(false),
});

export const languages = sqliteTable("languages", {
  slug: text("slug").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
});

export const mediators = sqliteTable(
  "mediators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: MEDIATOR_KINDS }).notNull(),
    name: text("name").notNull(),
    /** Toneless full pinyin, syllables separated by spaces ("zhang wei"); derived from name on write. */
    namePinyin: text("name_pinyin").notNull(),
    gender: text("gender", { enum: GENDERS }),
    title: text("title").notNull(),
    /** The law firm for lawyers; the employer or institution for others. */
    organisation: text("organisation"),
    licenceNo: text("licence_no"),
    yearsOfExperience: integer("years_of_experience").notNull().default(0),
    bio: text("bio").notNull().default(""),
    /** Placeholder photo: null means the page draws an initial avatar. */
    photoUrl: text("photo_url"),
    // Outcome counters. Issue 2 seeds them; the case issue derives them from case rows.
    closedCases: integer("closed_cases").notNull().default(0),
    agreements: integer("agreements").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    ...timestamps,
  },
  (t) => [index("mediators_kind_idx").on(t.kind)],
);

export const mediatorCategories = sqliteTable(
  "mediator_categories",
  {
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.categorySlug] })],
);

export const mediatorLanguages = sqliteTable(
  "mediator_languages",
  {
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    languageSlug: text("language_slug")
      .notNull()
      .references(() => languages.slug),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.languageSlug] })],
);

/** Service modes a mediator offers: centre, online, onsite. */
export const mediatorModes = sqliteTable(
  "mediator_modes",
  {
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODE_SLUGS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.mode] })],
);

/** Towns a mediator serves on site (only meaningful with the onsite mode). */
export const mediatorTowns = sqliteTable(
  "mediator_towns",
  {
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    townSlug: text("town_slug")
      .notNull()
      .references(() => towns.slug),
  },
  (t) => [primaryKey({ columns: [t.mediatorId, t.townSlug] })],
);

export const committees = sqliteTable("committees", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  namePinyin: text("name_pinyin").notNull(),
  description: text("description").notNull().default(""),
  /** The department or industry body that runs the committee. */
  organisation: text("organisation"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  ...timestamps,
});

export const committeeCategories = sqliteTable(
  "committee_categories",
  {
    committeeId: integer("committee_id")
      .notNull()
      .references(() => committees.id, { onDelete: "cascade" }),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.categorySlug] })],
);

export const committeeMembers = sqliteTable(
  "committee_members",
  {
    committeeId: integer("committee_id")
      .notNull()
      .references(() => committees.id, { onDelete: "cascade" }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    role: text("role", { enum: COMMITTEE_ROLES })
      .notNull()
      .default("member"),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.mediatorId] }), index("committee_members_mediator_idx").on(t.mediatorId)],
);

/**
 * The search outbox: one row per change to something indexed, written in the same transaction as the
 * change. Every process's embedded index reads rows past its own cursor; the Meilisearch worker marks
 * what it delivered and retries the rest with back-off.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entity: text("entity", { enum: HIT_ENTITIES }).notNull(),
    entityId: integer("entity_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    meiliDeliveredAt: integer("meili_delivered_at", { mode: "timestamp_ms" }),
    meiliAttempts: integer("meili_attempts").notNull().default(0),
    meiliNextAttemptAt: integer("meili_next_attempt_at", { mode: "timestamp_ms" }),
    meiliLastError: text("meili_last_error"),
  },
  (t) => [index("search_outbox_pending_idx").on(t.meiliDeliveredAt, t.meiliNextAttemptAt)],
);

// ── Accounts ────────────────────────────────────────────────────────────────────────────────────────

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

// ── Availability ────────────────────────────────────────────────────────────────────────────────────

/** The booking rules of one mediator (Cal.com: properties of what is booked). */
export const availabilitySettings = sqliteTable(
  "availability_settings",
  {
    mediatorId: integer("mediator_id")
      .primaryKey()
      .references(() => mediators.id, { onDelete: "cascade" }),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    sessionMinutes: integer("session_minutes").notNull().default(60),
    bufferMinutes: integer("buffer_minutes").notNull().default(15),
    minNoticeHours: integer("min_notice_hours").notNull().default(24),
    horizonDays: integer("horizon_days").notNull().default(60),
    dailyCap: integer("daily_cap").notNull().default(4),
    /** Cached earliest bookable start (epoch ms), recomputed on every change and as the clock passes it. */
    nextAvailableAt: integer("next_available_at"),
    /** When that cached value stops being bookable (start − minimum notice): the clock job's trigger. */
    nextAvailableValidUntil: integer("next_available_valid_until"),
    ...timestamps,
  },
  (t) => [index("availability_valid_until_idx").on(t.nextAvailableValidUntil)],
);

/** Weekly hours in the mediator's zone; weekday 1 = Monday … 7 = Sunday; end < start crosses midnight. */
export const availabilityWeekly = sqliteTable(
  "availability_weekly",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    weekday: integer("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
    modes: text("modes", { mode: "json" }).$type<string[]>().notNull(),
    towns: text("towns", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
  },
  (t) => [index("availability_weekly_mediator_idx").on(t.mediatorId)],
);

/** Date overrides: a day off (unavailable) or extra/replacement hours on that date. */
export const availabilityOverrides = sqliteTable(
  "availability_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id, { onDelete: "cascade" }),
    date: text("date").notNull(), // YYYY-MM-DD in the mediator's zone
    unavailable: integer("unavailable", { mode: "boolean" }).notNull().default(false),
    startMinute: integer("start_minute"),
    endMinute: integer("end_minute"),
    modes: text("modes", { mode: "json" }).$type<string[]>(),
    towns: text("towns", { mode: "json" }).$type<string[]>(),
  },
  (t) => [index("availability_overrides_mediator_idx").on(t.mediatorId, t.date)],
);

/** Rooms at the centre: a `centre` session needs one free. */
export const rooms = sqliteTable("rooms", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

// ── Cases and bookings ──────────────────────────────────────────────────────────────────────────────

/** A dispute brought by a party. Minimal here; the case issue extends it (intake → fulfilment). */
export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partyUserId: integer("party_user_id")
      .notNull()
      .references(() => users.id),
    category: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    summary: text("summary").notNull(),
    /** Personal data of the other side: shown only to the parties and the case's mediator. */
    counterpartyName: text("counterparty_name"),
    status: text("status", { enum: CASE_STATUSES })
      .notNull()
      .default("open"),
    ...timestamps,
  },
  (t) => [index("cases_party_idx").on(t.partyUserId)],
);


export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    partyUserId: integer("party_user_id")
      .notNull()
      .references(() => users.id),
    mediatorId: integer("mediator_id")
      .notNull()
      .references(() => mediators.id),
    /** Set when the party ordered a committee and the centre's rotation picked the member. */
    committeeId: integer("committee_id").references(() => committees.id),
    roomId: integer("room_id").references(() => rooms.id),
    startAt: integer("start_at").notNull(), // epoch ms, UTC
    endAt: integer("end_at").notNull(),
    mode: text("mode", { enum: MODE_SLUGS }).notNull(),
    town: text("town_slug").references(() => towns.slug),
    status: text("status", { enum: BOOKING_STATUSES }).notNull().default("pending"),
    /** Why this mediator: "picked" by the party, or "committee-rotation". */
    assignmentReason: text("assignment_reason").notNull().default("picked"),
    respondBy: integer("respond_by").notNull(),
    idempotencyKey: text("idempotency_key"),
    declineReason: text("decline_reason"),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by", { enum: CANCELLED_BY }),
    rescheduledFromId: integer("rescheduled_from_id"),
    ...timestamps,
  },
  (t) => [
    index("bookings_mediator_time_idx").on(t.mediatorId, t.startAt),
    index("bookings_room_time_idx").on(t.roomId, t.startAt),
    index("bookings_party_idx").on(t.partyUserId),
    index("bookings_pending_idx").on(t.status, t.respondBy),
    uniqueIndex("bookings_idempotency_idx").on(t.partyUserId, t.idempotencyKey),
  ],
);

/**
 * Notifications outbox: every booking change writes one row per recipient in its transaction.
 * No real provider: the dev provider marks rows delivered and staff read them at /staff/notifications.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    to: text("to_address").notNull(),
    /**
     * What to say, as data: a template of the i18n catalogue and its parameters, written in the
     * recipient's language. Subject and body are the text as rendered when it was sent.
     */
    template: text("template"),
    params: text("params", { mode: "json" }).$type<Record<string, string | number | null>>(),
    locale: text("locale", { enum: LOCALES }).notNull().default("zh"),
    subject: text("subject"),
    body: text("body"),
    bookingId: integer("booking_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * Epoch ms until which one process's sender holds the row (so two processes never send it twice),
     * and after a failed attempt, when to try again.
     */
    leaseUntil: integer("lease_until"),
  },
  (t) => [index("notifications_pending_idx").on(t.deliveredAt)],
);
