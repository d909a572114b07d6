// The search outbox: every change to an indexed row writes one here in the same transaction.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { HIT_ENTITIES } from "../../domain";

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
