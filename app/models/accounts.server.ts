// Accounts that only an admin creates: mediators (linked to one mediator record), staff and admins.
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { mediators, users } from "../../db/schema";
import { getDb } from "../db.server";
import { createUser, emailSchema, MediatorLinkedError, passwordSchema, type User } from "./auth.server";
import { ISSUES } from "./issues";

/** A mediator account is linked to a mediator, and no other account is (opening and editing alike). */
export function mediatorLinkRule(v: { role: string; mediatorId?: number }, ctx: z.RefinementCtx) {
  if (v.role === "mediator" && !v.mediatorId) ctx.addIssue({ code: "custom", path: ["mediatorId"], message: ISSUES.mediatorLinkRequired });
  if (v.role !== "mediator" && v.mediatorId)
    ctx.addIssue({ code: "custom", path: ["mediatorId"], message: ISSUES.mediatorLinkOnlyForMediators });
}

export const createAccountSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: z.string().trim().min(1, ISSUES.nameRequired).max(60),
    role: z.enum(["mediator", "staff", "admin"]),
    mediatorId: z.coerce.number().int().positive().optional(),
  })
  .superRefine(mediatorLinkRule);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export class AccountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `by` must be an admin; the check is here, not only in the page. A mediator who already has an account
 * is a MediatorLinkedError (a conflict), whether this check sees the other account or the unique index
 * does (two admins, or one double-submitting, linking the same mediator at once).
 */
export async function createAccount({ by, input }: { by: User | "cli"; input: CreateAccountInput }): Promise<User & { email: string }> {
  if (by !== "cli" && by.role !== "admin") throw new AccountError("_", ISSUES.adminOnly);
  const v = createAccountSchema.parse(input);
  const db = getDb();
  if (v.mediatorId) {
    const m = db.select({ id: mediators.id }).from(mediators).where(eq(mediators.id, v.mediatorId)).get();
    if (!m) throw new AccountError("mediatorId", ISSUES.mediatorUnknown);
    const linked = db.select({ id: users.id }).from(users).where(eq(users.mediatorId, v.mediatorId)).get();
    if (linked) throw new MediatorLinkedError();
  }
  const user = await createUser({ email: v.email, password: v.password, name: v.name, role: v.role, mediatorId: v.mediatorId ?? null });
  // The centre's own accounts always sign in by e-mail (only a party's e-mail is optional, issue 11).
  return { ...user, email: user.email ?? v.email };
}

/**
 * The centre's own accounts (mediators, staff, administrators): parties register themselves and are
 * many (a year of cases brings thousands), so they are counted, not listed.
 */
export function listAccounts({ by }: { by: User }) {
  if (by.role !== "admin") throw new AccountError("_", ISSUES.adminOnly);
  const db = getDb();
  const parties =
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "party"), isNull(users.disabledAt)))
      .get()?.n ?? 0;
  const staff = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      mediatorId: users.mediatorId,
      mediatorName: mediators.name,
      // Deactivated accounts stay listed (history points at them) so they can be reactivated.
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(mediators, eq(mediators.id, users.mediatorId))
    .where(ne(users.role, "party"))
    .orderBy(asc(users.id))
    .all();
  return { accounts: staff, parties };
}

/** Mediators without an account yet, for the admin's link picker. */
export function unlinkedMediators() {
  return getDb()
    .select({ id: mediators.id, name: mediators.name, kind: mediators.kind })
    .from(mediators)
    .leftJoin(users, eq(users.mediatorId, mediators.id))
    .where(and(isNull(users.id), eq(mediators.active, true)))
    .orderBy(asc(mediators.id))
    .all();
}
