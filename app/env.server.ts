// Environment variables, parsed once with zod. Anything else reading process.env is a bug.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/app.db"),
  MEILI_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("mediators"),
  /** How often each process looks at the search outbox, in ms. */
  SEARCH_OUTBOX_POLL_MS: z.coerce.number().int().min(20).max(5000).default(200),
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
  COOKIE_SECURE: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}
