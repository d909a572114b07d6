// The shortlist both sides of a case rank: the applicant's picks, then up to five mediators of the
// case's category with free time, soonest first. Made when the case is filed and kept, so both sides
// rank the same names and a page showing it never writes.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { availabilitySettings, caseChoices, cases, mediatorCategories, mediators } from "../../db/schema";

type CaseRow = Pick<typeof cases.$inferSelect, "id" | "category">;
const SUGGESTIONS = 5;

/**
 * The list both sides rank: the applicant's picks, then up to five mediators of the case's category
 * with free time, soonest first. Made once and kept (`shortlist`), so both rank the same names.
 */
export function shortlistOf(tx: Db | Tx, c: CaseRow): number[] {
  const kept = tx
    .select({ id: caseChoices.mediatorId })
    .from(caseChoices)
    .where(and(eq(caseChoices.caseId, c.id), eq(caseChoices.list, "shortlist")))
    .orderBy(asc(caseChoices.rank))
    .all();
  if (kept.length) return kept.map((k) => k.id);
  const picks = tx
    .select({ id: caseChoices.mediatorId })
    .from(caseChoices)
    .where(and(eq(caseChoices.caseId, c.id), eq(caseChoices.list, "pick")))
    .orderBy(asc(caseChoices.rank))
    .all()
    .map((p) => p.id);
  const suggested = tx
    .select({ id: mediators.id })
    .from(mediators)
    .innerJoin(mediatorCategories, and(eq(mediatorCategories.mediatorId, mediators.id), eq(mediatorCategories.categorySlug, c.category)))
    .innerJoin(availabilitySettings, eq(availabilitySettings.mediatorId, mediators.id))
    .where(and(eq(mediators.active, true), eq(mediators.listed, true), isNotNull(availabilitySettings.nextAvailableAt)))
    .orderBy(asc(availabilitySettings.nextAvailableAt), asc(mediators.id))
    .limit(SUGGESTIONS + picks.length)
    .all()
    .map((m) => m.id)
    .filter((id) => !picks.includes(id))
    .slice(0, SUGGESTIONS);
  const list = [...picks, ...suggested];
  list.forEach((mediatorId, i) =>
    tx
      .insert(caseChoices)
      .values({ caseId: c.id, list: "shortlist", mediatorId, rank: i + 1 })
      .run(),
  );
  return list;
}

export const nextFreeOf = (tx: Db | Tx) => (mediatorId: number) =>
  tx
    .select({ at: availabilitySettings.nextAvailableAt })
    .from(availabilitySettings)
    .where(eq(availabilitySettings.mediatorId, mediatorId))
    .get()?.at ?? null;
