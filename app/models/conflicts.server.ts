// Declared ties (issue 9): a mediator declares the villages, boats, employers, relatives, organisations
// and people they are tied to on their dashboard; staff may add them for any mediator. The folded name
// is stored beside the name as declared, so matching (./conflicts.ts) never folds the ties again.
import { and, asc, eq, isNull } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { mediatorTies, mediators } from "../../db/schema";
import { getDb } from "../db.server";
import type { TieInput } from "./assignment-schemas";
import type { User } from "./auth.server";
import { normalizeTieName } from "./conflicts";
import { DomainError } from "./errors";

const isStaff = (u: User) => u.role === "staff" || u.role === "admin";

/** Whose ties this user may keep: their own as a mediator; anyone's as staff (who name them). */
function tieOwner(user: User, mediatorId?: number): number {
  if (isStaff(user)) {
    if (!mediatorId) throw new DomainError("invalid_input", "Name the mediator");
    return mediatorId;
  }
  if (user.role === "mediator" && user.mediatorId && (mediatorId === undefined || mediatorId === user.mediatorId)) return user.mediatorId;
  throw new DomainError("forbidden", "Only the mediator or the centre's staff keep a mediator's ties");
}

export function listTies({ user, mediatorId }: { user: User; mediatorId?: number }) {
  const owner = tieOwner(user, mediatorId);
  return getDb()
    .select({
      id: mediatorTies.id,
      kind: mediatorTies.kind,
      name: mediatorTies.name,
      note: mediatorTies.note,
      createdAt: mediatorTies.createdAt,
    })
    .from(mediatorTies)
    .where(and(eq(mediatorTies.mediatorId, owner), isNull(mediatorTies.removedAt)))
    .orderBy(asc(mediatorTies.id))
    .all();
}

export async function addTie({ user, mediatorId, input, now }: { user: User; mediatorId?: number; input: TieInput; now: number }) {
  const owner = tieOwner(user, mediatorId);
  const normalized = normalizeTieName(input.name);
  if (!normalized) throw new DomainError("invalid_input", "The name has no letters or characters");
  return writeTransaction(getDb(), (tx) => {
    if (!tx.select({ id: mediators.id }).from(mediators).where(eq(mediators.id, owner)).get())
      throw new DomainError("not_found", "Mediator not found");
    return tx
      .insert(mediatorTies)
      .values({
        mediatorId: owner,
        kind: input.kind,
        name: input.name,
        normalized,
        note: input.note ?? null,
        addedByUserId: user.id,
        createdAt: now,
      })
      .returning({ id: mediatorTies.id })
      .get();
  });
}

/** Removed, not deleted: an assignment's reason may name the tie that decided it. */
export async function removeTie({ user, mediatorId, tieId, now }: { user: User; mediatorId?: number; tieId: number; now: number }) {
  const owner = tieOwner(user, mediatorId);
  await writeTransaction(getDb(), (tx) => {
    const res = tx
      .update(mediatorTies)
      .set({ removedAt: now })
      .where(and(eq(mediatorTies.id, tieId), eq(mediatorTies.mediatorId, owner), isNull(mediatorTies.removedAt)))
      .run();
    if (res.changes !== 1) throw new DomainError("not_found", "No such tie");
  });
}
