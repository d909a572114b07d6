// Accounts, passwords (argon2id) and sessions. A session secret lives only in the client's cookie or
// bearer token; the database keeps its SHA-256, so sessions and tokens are revocable and a copied
// database holds no usable credential.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedQueries } from "../../db/client";
import { z } from "zod";
import { sessions, users } from "../../db/schema";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { hit, reset, retryAfter, type Limit } from "./rate-limit.server";

export const ROLES = ["party", "mediator", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  mediatorId: number | null;
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("a valid email address is required").max(200));
export const passwordSchema = z.string().min(8, "at least 8 characters").max(200, "at most 200 characters");
export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, "a name is required").max(60),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{6,20}$/, "digits, spaces or dashes only")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

// Verifying against this when the account does not exist keeps the timing of "no such user" and
// "wrong password" alike, so login cannot be used to find out who has an account.
let dummyHash: Promise<string> | undefined;

/** argon2id (the library's default algorithm; a unit test checks the `$argon2id$` prefix). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const columns = { id: users.id, email: users.email, name: users.name, phone: users.phone, role: users.role, mediatorId: users.mediatorId };

export function getUserById(id: number): User | null {
  return (
    getDb()
      .select(columns)
      .from(users)
      .where(and(eq(users.id, id), isNull(users.disabledAt)))
      .get() ?? null
  );
}

export class EmailTakenError extends Error {
  constructor() {
    super("email_taken");
  }
}

export async function createUser(input: {
  email: string;
  password: string;
  name: string;
  phone?: string;
  role: Role;
  mediatorId?: number | null;
}): Promise<User> {
  const db = getDb();
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  try {
    return db
      .insert(users)
      .values({ email, passwordHash, name: input.name, phone: input.phone ?? null, role: input.role, mediatorId: input.mediatorId ?? null })
      .returning(columns)
      .get();
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: users.email")) throw new EmailTakenError();
    throw error;
  }
}

export const LOGIN_LIMITS: { account: Limit; address: Limit } = {
  account: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 30, windowMs: 15 * 60_000 },
};

export type LoginResult =
  { ok: true; user: User } | { ok: false; reason: "invalid" } | { ok: false; reason: "rate_limited"; retryAfter: number };

/** Failed attempts count per account and per address; a success clears the account's count. */
export async function verifyLogin(input: { email: string; password: string; address: string }): Promise<LoginResult> {
  const db = getDb();
  const now = Date.now();
  const email = input.email.trim().toLowerCase();
  const accountKey = `login:account:${email}`;
  const addressKey = `login:address:${input.address}`;
  const wait = Math.max(retryAfter(db, accountKey, LOGIN_LIMITS.account, now), retryAfter(db, addressKey, LOGIN_LIMITS.address, now));
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfter: wait };

  const row = db.select().from(users).where(eq(users.email, email)).get();
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verify(row?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!row || !valid || row.disabledAt) {
    hit(db, accountKey, LOGIN_LIMITS.account, now);
    hit(db, addressKey, LOGIN_LIMITS.address, now);
    return { ok: false, reason: "invalid" };
  }
  reset(db, accountKey);
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, phone: row.phone, role: row.role, mediatorId: row.mediatorId } };
}

// Every authenticated request runs this lookup, so it is built once per connection.
const q = preparedQueries((db) => ({
  liveSession: db
    .select({ ...columns, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        eq(sessions.kind, sql.placeholder("kind")),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > ${sql.placeholder("now")}`,
        isNull(users.disabledAt),
      ),
    )
    .prepare(),
}));

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export function createSession(userId: number, kind: "cookie" | "token"): { secret: string; expiresAt: Date } {
  const secret = crypto.randomBytes(32).toString("base64url");
  const e = env();
  const ttl = kind === "cookie" ? e.SESSION_TTL_DAYS * 86_400_000 : e.TOKEN_TTL_HOURS * 3_600_000;
  const expiresAt = new Date(Date.now() + ttl);
  getDb()
    .insert(sessions)
    .values({ id: sha256(secret), userId, kind, expiresAt })
    .run();
  return { secret, expiresAt };
}

/** The live session for a secret: not revoked, not expired, its user not disabled. */
export function getSessionUser(secret: string, kind: "cookie" | "token"): { user: User; sessionId: string } | null {
  if (!secret || secret.length > 200) return null;
  const id = sha256(secret);
  const row = q(getDb()).liveSession.get({ id, kind, now: Date.now() });
  if (!row) return null;
  const { sessionId, ...user } = row;
  return { user, sessionId };
}

export function revokeSession(secret: string): void {
  getDb()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(eq(sessions.id, sha256(secret)))
    .run();
}

/** "Log out everywhere": every browser session and API token of the user. */
export function revokeAllSessions(userId: number): number {
  return getDb()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run().changes;
}

/** A CSRF token bound to the session secret: only a page that can read the cookie can know it. */
export function csrfTokenFor(secret: string): string {
  return sha256(`csrf:${secret}`).slice(0, 32);
}
