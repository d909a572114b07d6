// The centre's people roles, managed by the admin (issue 9; ADR 027, 035, 038): the 3+X panel seats
// (judge, chief mediator, legal-aid lawyer, a category's department) and the pre-litigation team's
// (its mediators and guiding judges), all rows of panel_roles. Staff read who holds what; only an admin
// grants or removes, each change one write transaction with its person_role_events row.
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { writeTransaction, type Db } from "../../db/client";
import { mediators, panelRoles, personRoleEvents } from "../../db/schema";
import { CATEGORY_SLUGS, type CategorySlug, type MediatorKind } from "../../domain";
import { PERSON_ROLES, type PersonRole } from "../../domain/panel";
import { namePinyin } from "../../domain/pinyin";
import type { User } from "./auth.server";
import { DomainError } from "./errors";

/** Why a grant or a removal was refused: DomainError.detail = { field: "person", reason } (words in app/i18n/messages-roles.ts). */
export const PERSON_ROLE_REFUSALS = [
  "role_held", // the person holds that role (for that category) already: 409
  "not_in_pool", // pre-litigation mediators are parties' choice, so they must be in the public pool: 409
  "person_inactive", // a retired person takes no new role: 409
  "role_not_held", // removing a role the person does not hold: 404
] as const;
export type PersonRoleRefusal = (typeof PERSON_ROLE_REFUSALS)[number];

const refuse = (code: "illegal_transition" | "not_found", reason: PersonRoleRefusal, message: string) =>
  new DomainError(code, message, { field: "person", reason });

/** A grant or a removal: `department` names the category whose department the person represents, the others none. */
export const personRoleSchema = z
  .object({
    personId: z.coerce.number().int().positive(),
    role: z.enum(PERSON_ROLES),
    category: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(CATEGORY_SLUGS).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.role === "department" && !v.category)
      ctx.addIssue({ code: "custom", path: ["category"], message: "A department role names its category" });
    if (v.role !== "department" && v.category)
      ctx.addIssue({ code: "custom", path: ["category"], message: "Only a department role names a category" });
  });
export type PersonRoleInput = z.input<typeof personRoleSchema>;

export interface RoleHolder {
  personId: number;
  name: string;
  title: string;
  organisation: string | null;
  /** In the public pool (searchable, choosable by parties); judges, lawyers and departments usually are not. */
  listed: boolean;
  active: boolean;
  category: CategorySlug | null;
}

function requireStaff(actor: User) {
  if (actor.role !== "staff" && actor.role !== "admin") throw new DomainError("forbidden", "Only the centre's staff read its roles");
}

function requireAdmin(actor: User) {
  if (actor.role !== "admin") throw new DomainError("forbidden", "Only an administrator grants or removes roles");
}

function parse(input: PersonRoleInput) {
  const r = personRoleSchema.safeParse(input);
  if (!r.success) throw new DomainError("invalid_input", r.error.issues.map((i) => i.message).join("; "));
  return { personId: r.data.personId, role: r.data.role, category: (r.data.category ?? null) as CategorySlug | null };
}

const sameRole = (v: { personId: number; role: PersonRole; category: CategorySlug | null }) =>
  and(
    eq(panelRoles.personId, v.personId),
    eq(panelRoles.role, v.role),
    v.category === null ? isNull(panelRoles.category) : eq(panelRoles.category, v.category),
  );

/** Every role in PERSON_ROLES order, each with its holders (department ones by category, then by name). */
export function listPersonRoles(db: Db, { actor }: { actor: User }): { role: PersonRole; holders: RoleHolder[] }[] {
  requireStaff(actor);
  const rows = db
    .select({
      role: panelRoles.role,
      personId: mediators.id,
      name: mediators.name,
      title: mediators.title,
      organisation: mediators.organisation,
      listed: mediators.listed,
      active: mediators.active,
      category: panelRoles.category,
    })
    .from(panelRoles)
    .innerJoin(mediators, eq(mediators.id, panelRoles.personId))
    .orderBy(asc(panelRoles.category), asc(mediators.namePinyin), asc(mediators.id))
    .all();
  return PERSON_ROLES.map((role) => ({
    role,
    holders: rows.filter((r) => r.role === role).map(({ role: _, ...h }) => ({ ...h, category: h.category as CategorySlug | null })),
  }));
}

/** The people a role may be granted to, for the admin's picker: every active person, in the pool or not. */
export function rolePersonChoices(
  db: Db,
  { actor }: { actor: User },
): { id: number; name: string; kind: MediatorKind; listed: boolean; pinyin: string }[] {
  requireAdmin(actor);
  return db
    .select({ id: mediators.id, name: mediators.name, kind: mediators.kind, listed: mediators.listed })
    .from(mediators)
    .where(eq(mediators.active, true))
    .orderBy(asc(mediators.id))
    .all()
    .map((m) => ({ ...m, pinyin: namePinyin(m.name) }));
}

/** Grants a role. The person exists, is active, and (for the team's mediators) is in the public pool. */
export async function grantPersonRole(db: Db, a: { actor: User; now: number } & PersonRoleInput): Promise<{ id: number }> {
  requireAdmin(a.actor);
  const v = parse(a);
  return writeTransaction(db, (tx) => {
    const person = tx
      .select({ id: mediators.id, active: mediators.active, listed: mediators.listed })
      .from(mediators)
      .where(eq(mediators.id, v.personId))
      .get();
    if (!person) throw new DomainError("not_found", "No such person");
    if (!person.active) throw refuse("illegal_transition", "person_inactive", "The person is no longer active");
    // ADR 035: a party reads who mediates their fast-track case and opens the profile like any other.
    if (v.role === "pre-litigation-mediator" && !person.listed)
      throw refuse("illegal_transition", "not_in_pool", "Pre-litigation mediators must be in the public pool");
    if (tx.select({ id: panelRoles.id }).from(panelRoles).where(sameRole(v)).get())
      throw refuse("illegal_transition", "role_held", "The person holds that role already");
    const { id } = tx.insert(panelRoles).values(v).returning({ id: panelRoles.id }).get();
    tx.insert(personRoleEvents)
      .values({ ...v, change: "granted", byUserId: a.actor.id, at: a.now })
      .run();
    return { id };
  });
}

/**
 * Removes a role. What the person took on while holding it stays as it is: booked panels keep their seat
 * (a seat is a panel_members row, replaced through the panel's own steps), and a removed pre-litigation
 * judge keeps guiding the cases already flagged to them (cases.pre_litigation_judge_id is the flag's
 * choice, recorded in its audit); only new flags choose among the remaining team judges.
 */
export async function removePersonRole(db: Db, a: { actor: User; now: number } & PersonRoleInput): Promise<void> {
  requireAdmin(a.actor);
  const v = parse(a);
  await writeTransaction(db, (tx) => {
    const res = tx.delete(panelRoles).where(sameRole(v)).run();
    if (res.changes === 0) throw refuse("not_found", "role_not_held", "The person does not hold that role");
    tx.insert(personRoleEvents)
      .values({ ...v, change: "removed", byUserId: a.actor.id, at: a.now })
      .run();
  });
}
