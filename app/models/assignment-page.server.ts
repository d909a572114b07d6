// What the staff's assignment page reads (issue 9): the case, the suggestion made now with its reason,
// the names of everyone the reason mentions, and the attempts so far. Staff only; a read.
import { inArray } from "drizzle-orm";
import { mediators } from "../../db/schema";
import type { LanguageSlug } from "../../domain";
import { getDb } from "../db.server";
import { assignmentsOf } from "./assignment.server";
import { fallbackFor } from "./assignment-staff.server";
import type { User } from "./auth.server";
import { getCase } from "./cases.server";

export function assignSheet({ user, caseId, language, now }: { user: User; caseId: number; language?: LanguageSlug; now: number }) {
  const c = getCase({ user, id: caseId });
  const view = fallbackFor({ user, caseId, language, now });
  const ids = [...new Set([...view.reason.considered.map((x) => x.mediatorId), ...view.reason.skipped.map((x) => x.mediatorId)])];
  const names = ids.length
    ? Object.fromEntries(
        getDb()
          .select({ id: mediators.id, name: mediators.name })
          .from(mediators)
          .where(inArray(mediators.id, ids))
          .all()
          .map((m) => [m.id, m.name]),
      )
    : {};
  return {
    case: { id: c.id, number: c.number, category: c.category, town: c.town, status: c.status, hasMediator: c.mediator !== null },
    ...view,
    names: names as Record<number, string>,
    assignments: assignmentsOf({ user, caseId }),
  };
}
