// Accounts, passwords (argon2id) and sessions. A session secret lives only in the client's cookie or
// bearer token; the database keeps its SHA-256, so sessions and tokens are revocable and a copied
// database holds no usable credential.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { z } from "zod";
import { sessions, users } from "../../db/schema";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { consume, refund, reset, type Limit } from "./rate-limit.server";
import type { Locale } from "../../domain";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";
import { CONSENT_VERSION, consentSchema, mobileSchema } from "./otp-schemas";

export const ROLES = ["party", "mediator", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  /** Null for a party who signs in by phone only (issue 11). */
  email: string | null;
  name: string;
  phone: string | null;
  role: Role;
  mediatorId: number | null;
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email(ISSUES.emailInvalid).max(200));
export const passwordSchema = z.string().min(8, ISSUES.passwordMin).max(200, ISSUES.passwordMax);
export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, ISSUES.nameRequired).max(60),
  /** Normalised to 11 digits (domain/phone.ts); it becomes the account's sign-in number when free. */
  phone: mobileSchema.optional().or(z.literal("").transform(() => undefined)),
  /** The personal-data notice (/privacy): the page requires it; the API records it when sent (ADR 024). */
  consent: consentSchema,
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

export class EmailTakenError extends DomainError {
  constructor() {
    super("email_taken", "An account with this email exists");
  }
}

/** Two accounts for one mediator (the `users_mediator_idx` unique index); its message is an issue code. */
export class MediatorLinkedError extends DomainError {
  constructor() {
    super("conflict", ISSUES.mediatorHasAccount);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfter: number) {
    super("rate_limited", `Too many attempts; try again in ${retryAfter} s`);
  }
}

/**
 * Which unique index of `users` (`users_email_idx`, `users_mediator_idx`) an insert ran into. The error
 * is recognised by its code; which key it was is asked of the table, not read from SQLite's English
 * message. Anything else is not a conflict of ours and is rethrown by the caller.
 */
export function conflictOf(error: unknown, email: string, mediatorId: number | null): EmailTakenError | MediatorLinkedError | null {
  if ((error as { code?: unknown } | null)?.code !== "SQLITE_CONSTRAINT_UNIQUE") return null;
  const db = getDb();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) return new EmailTakenError();
  if (mediatorId !== null && db.select({ id: users.id }).from(users).where(eq(users.mediatorId, mediatorId)).get())
    return new MediatorLinkedError();
  return null;
}

export async function createUser(input: {
  email: string;
  password: string;
  name: string;
  phone?: string;
  role: Role;
  mediatorId?: number | null;
  /** The language messages to this person are written in. */
  locale?: Locale;
  /** When the person agreed to the personal-data notice (its current version). */
  consentAt?: number;
}): Promise<User> {
  const db = getDb();
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  const mediatorId = input.mediatorId ?? null;
  const phone = input.phone ?? null;
  try {
    return await writeTransaction(db, (tx) => {
      // The number signs in to this account only if no other account signs in with it; nothing is said
      // otherwise (registration must not tell who has an account by phone).
      const phoneFree = phone !== null && !tx.select({ id: users.id }).from(users).where(eq(users.loginPhone, phone)).get();
      return tx
        .insert(users)
        .values({
          email,
          passwordHash,
          name: input.name,
          phone,
          loginPhone: phoneFree ? phone : null,
          role: input.role,
          mediatorId,
          locale: input.locale ?? "zh",
          consentVersion: input.consentAt === undefined ? null : CONSENT_VERSION,
          consentAt: input.consentAt ?? null,
        })
        .returning(columns)
        .get();
    });
  } catch (error) {
    throw conflictOf(error, email, mediatorId) ?? error;
  }
}

/** Registrations per address: a person opens one account, a family or an office a few. */
export const REGISTER_LIMIT: Limit = {
  // Read when used, not at import: tests set the environment (their database) before the first use.
  get max() {
    return env().REGISTER_PER_ADDRESS_PER_HOUR;
  },
  windowMs: 60 * 60_000,
};

/**
 * A party opening their own account (API and page). The attempt is counted before the (slow) hash, so
 * a burst from one address cannot outrun the limit. Throws RateLimitedError or EmailTakenError.
 */
export async function registerParty(
  input: z.infer<typeof registerSchema> & { address: string; now: number; locale: Locale },
): Promise<User> {
  const { retryAfter } = await writeTransaction(getDb(), (tx) =>
    consume(tx, `register:address:${input.address}`, REGISTER_LIMIT, input.now),
  );
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
  return createUser({
    email: input.email,
    password: input.password,
    name: input.name,
    phone: input.phone,
    role: "party",
    locale: input.locale,
    consentAt: input.consent ? input.now : undefined,
  });
}

export const LOGIN_LIMITS: { account: Limit; address: Limit } = {
  account: { max: 5, windowMs: 15 * 60_000 },
  address: { max: 30, windowMs: 15 * 60_000 },
};

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  /** The password was right but an admin deactivated the account: said only to who knows the password. */
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "rate_limited"; retryAfter: number };

/**
 * Every attempt is counted, per account and per address, *before* the password is verified: argon2 takes
 * tens of milliseconds, and a check made before it and a count made after let a burst of concurrent
 * guesses all through. A success clears its account's count and takes its own attempt back from the
 * address, so the counts are of failures, as the limits are meant.
 */
export async function verifyLogin(input: { email: string; password: string; address: string; now: number }): Promise<LoginResult> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  const accountKey = `login:account:${email}`;
  const addressKey = `login:address:${input.address}`;
  const { account, address } = await writeTransaction(db, (tx) => ({
    account: consume(tx, accountKey, LOGIN_LIMITS.account, input.now),
    address: consume(tx, addressKey, LOGIN_LIMITS.address, input.now),
  }));
  const wait = Math.max(account.retryAfter, address.retryAfter);
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfter: wait };

  const row = db.select().from(users).where(eq(users.email, email)).get();
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verify(row?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!row || !valid) return { ok: false, reason: "invalid" };
  if (row.disabledAt) return { ok: false, reason: "disabled" };
  await writeTransaction(db, (tx) => {
    reset(tx, accountKey);
    refund(tx, addressKey);
  });
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

/** Inside a write transaction: a new session row; the secret is returned once and never stored. */
export function insertSession(tx: Db | Tx, userId: number, kind: "cookie" | "token", now: number): { secret: string; expiresAt: Date } {
  const secret = crypto.randomBytes(32).toString("base64url");
  const e = env();
  const ttl = kind === "cookie" ? e.SESSION_TTL_DAYS * 86_400_000 : e.TOKEN_TTL_HOURS * 3_600_000;
  const expiresAt = new Date(now + ttl);
  tx.insert(sessions)
    .values({ id: sha256(secret), userId, kind, expiresAt })
    .run();
  return { secret, expiresAt };
}

export function createSession(userId: number, kind: "cookie" | "token", now: number): Promise<{ secret: string; expiresAt: Date }> {
  return writeTransaction(getDb(), (tx) => insertSession(tx, userId, kind, now));
}

/** The live session for a secret: not revoked, not expired, its user not disabled. */
export function getSessionUser(secret: string, kind: "cookie" | "token", now: number): { user: User; sessionId: string } | null {
  if (!secret || secret.length > 200) return null;
  const id = sha256(secret);
  const row = q(getDb()).liveSession.get({ id, kind, now });
  if (!row) return null;
  const { sessionId, ...user } = row;
  return { user, sessionId };
}

export async function revokeSession(secret: string, now: number): Promise<void> {
  await writeTransaction(getDb(), (tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: new Date(now) })
      .where(eq(sessions.id, sha256(secret)))
      .run(),
  );
}

/** "Log out everywhere": every browser session and API token of the user. */
export async function revokeAllSessions(userId: number, now: number): Promise<number> {
  const res = await writeTransaction(getDb(), (tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: new Date(now) })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .run(),
  );
  return res.changes;
}

/** The language a person chose on the site is the language their notifications are written in. */
export async function setUserLocale({ user, locale }: { user: User; locale: Locale }): Promise<void> {
  await writeTransaction(getDb(), (tx) => tx.update(users).set({ locale }).where(eq(users.id, user.id)).run());
}

/** A CSRF token bound to the session secret: only a page that can read the cookie can know it. */
export function csrfTokenFor(secret: string): string {
  return sha256(`csrf:${secret}`).slice(0, 32);
}
