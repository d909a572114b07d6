// @ts-check
// The configuration: every environment variable the site reads, parsed once with zod. Plain JavaScript
// with JSDoc types so that server.mjs (run by plain `node`), the app, db/, search/ and scripts/ all import
// this one module; `npx tsc --noEmit` checks it. Anything else reading process.env is a bug (React and
// Remix themselves read NODE_ENV, which server.mjs defaults to "production" before anything runs).
import { z } from "zod";

/**
 * "0" or "1", as the README documents the switches.
 * @param {"0" | "1"} fallback
 */
const flag = (fallback) => z.enum(["0", "1"]).default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: every interface, as remix-serve does. */
  HOST: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** Server processes on one port; unset: one per core, at most 4 (server/workers.mjs, ADR 008). */
  WEB_CONCURRENCY: z.coerce
    .number({ message: "WEB_CONCURRENCY must be a whole number from 1 to 64" })
    .int("WEB_CONCURRENCY must be a whole number from 1 to 64")
    .min(1, "WEB_CONCURRENCY must be a whole number from 1 to 64")
    .max(64, "WEB_CONCURRENCY must be a whole number from 1 to 64")
    .optional(),
  /** Behind a reverse proxy: believe X-Forwarded-For/-Host/-Proto. Otherwise they are ignored. */
  TRUST_PROXY: flag("0"),
  ACCESS_LOG: flag("1"),
  API_FAST_PATH: flag("1"),
  DATABASE_PATH: z.string().min(1).default("data/app.db"),
  DEMO_ACCOUNTS: z.enum(["0", "1"]).optional(),
  MEILI_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("mediators"),
  /** Bound on one Meilisearch search (connect and answer), in ms; past it the embedded index answers (ADR 017). */
  MEILI_SEARCH_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(800),
  /** After a failed Meilisearch search, how long searches skip it before one probes it again, in ms. */
  MEILI_BREAKER_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  /** How often each process looks at the search outbox, in ms. */
  SEARCH_OUTBOX_POLL_MS: z.coerce.number().int().min(20).max(5000).default(200),
  /** Party registrations one address may make in an hour (a person opens one account, a family or an office a few). */
  REGISTER_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Keys the online-session room links (an HMAC of the booking id, ADR 025): set it in production. */
  ROOM_LINK_SECRET: z.string().min(1).default("development-room-link-secret"),
  /** Where the online rooms live (the video service's base address). */
  ROOM_BASE_URL: z
    .url()
    .default("https://meet.example.cn/putuo")
    .transform((v) => v.replace(/\/+$/, "")),
  /** Answers of the centre's figures each process keeps (ADR 018); 0 turns the cache off (the benchmark's baseline). */
  STATS_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000).default(64),
  /** How long a mediator has to confirm or decline a request before it expires. */
  BOOKING_RESPONSE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(24),
  SESSION_TTL_DAYS: z.coerce.number().positive().max(365).default(30),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24),
  /** Mark cookies Secure even on plain http (behind a TLS-terminating proxy). */
  COOKIE_SECURE: flag("0"),
  /** The site's address as people reach it: links in text messages and the agreement's QR code. */
  PUBLIC_URL: z
    .url()
    .default("http://localhost:3000")
    .transform((v) => v.replace(/\/+$/, "")),
});

/** @typedef {z.infer<typeof envSchema>} Env */

/**
 * Parses `source` (tests pass their own); throws one readable error naming every bad variable.
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** @type {Env | undefined} */
let cached;

/**
 * The process's configuration, parsed on first use and then kept: tests set process.env (a fresh
 * DATABASE_PATH) before anything asks.
 * @returns {Env}
 */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
