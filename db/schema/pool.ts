// The pool: reference tables (their rows mirror domain/index.ts and are upserted by the seed on every
// start, so foreign keys from the join tables hold), mediators, committees and their members.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { COMMITTEE_ROLES, GENDERS, MEDIATOR_KINDS, MODE_SLUGS } from "../../domain";
import { timestamps } from "./columns";

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
    // Outcomes are not kept here: a record is derived from case rows (db/schema/records.ts).
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /**
     * In the public pool (ADR 027). False for people who only sit on 3+X panels (a judge, a legal-aid
     * lawyer, department representatives): never searched, profiled, suggested, rotated or counted.
     */
    listed: integer("listed", { mode: "boolean" }).notNull().default(true),
    /** Load the centre lets a mediator carry (issue 9 fallback): cases open at once, sessions a week. */
    capacityOpenCases: integer("capacity_open_cases").notNull().default(8),
    capacitySessionsWeek: integer("capacity_sessions_week").notNull().default(10),
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
  // By category too: a booking's shortlist and the fallback's candidates are a category's mediators, which
  // the primary key (mediator first) could only find by scanning every row.
  (t) => [primaryKey({ columns: [t.mediatorId, t.categorySlug] }), index("mediator_categories_category_idx").on(t.categorySlug, t.mediatorId)],
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
    role: text("role", { enum: COMMITTEE_ROLES }).notNull().default("member"),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.mediatorId] }), index("committee_members_mediator_idx").on(t.mediatorId)],
);
