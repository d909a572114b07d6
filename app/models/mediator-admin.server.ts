// Changing a mediator's public record. Each change writes its search-outbox row in the same
// transaction, so the index can never miss it (and never sees a change that rolled back).
import { eq } from "drizzle-orm";
import { z } from "zod";
import { CATEGORY_SLUGS, LANGUAGE_SLUGS, MODE_SLUGS, TOWN_SLUGS } from "../../domain";
import { mediatorCategories, mediatorLanguages, mediatorModes, mediators, mediatorTowns } from "../../db/schema";
import { recordSearchChange } from "../../search/outbox";
import { namePinyin } from "../../domain/pinyin";
import { getDb } from "../db.server";
import { writeTransaction } from "../../db/client";

export const mediatorPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(60),
    organisation: z.string().trim().max(80).nullable(),
    bio: z.string().trim().max(2000),
    yearsOfExperience: z.number().int().min(0).max(80),
    categories: z.array(z.enum(CATEGORY_SLUGS)).min(1),
    towns: z.array(z.enum(TOWN_SLUGS)),
    modes: z.array(z.enum(MODE_SLUGS)).min(1),
    languages: z.array(z.enum(LANGUAGE_SLUGS)).min(1),
    active: z.boolean(),
  })
  // No outcome figures here: a record is derived from case rows (records.server.ts), never entered.
  .partial();
export type MediatorPatch = z.infer<typeof mediatorPatchSchema>;

/** Returns false when no such mediator exists. */
export function updateMediator({ id, patch, now }: { id: number; patch: MediatorPatch; now: number }): Promise<boolean> {
  const p = mediatorPatchSchema.parse(patch);
  return writeTransaction(getDb(), (tx) => {
    const { categories, towns, modes, languages, ...columns } = p;
    const set = { ...columns, ...(p.name ? { namePinyin: namePinyin(p.name) } : {}), updatedAt: new Date(now) };
    const res = tx.update(mediators).set(set).where(eq(mediators.id, id)).run();
    if (res.changes === 0) return false;
    if (categories) {
      tx.delete(mediatorCategories).where(eq(mediatorCategories.mediatorId, id)).run();
      tx.insert(mediatorCategories)
        .values(categories.map((categorySlug) => ({ mediatorId: id, categorySlug })))
        .run();
    }
    if (towns) {
      tx.delete(mediatorTowns).where(eq(mediatorTowns.mediatorId, id)).run();
      if (towns.length)
        tx.insert(mediatorTowns)
          .values(towns.map((townSlug) => ({ mediatorId: id, townSlug })))
          .run();
    }
    if (modes) {
      tx.delete(mediatorModes).where(eq(mediatorModes.mediatorId, id)).run();
      tx.insert(mediatorModes)
        .values(modes.map((mode) => ({ mediatorId: id, mode })))
        .run();
    }
    if (languages) {
      tx.delete(mediatorLanguages).where(eq(mediatorLanguages.mediatorId, id)).run();
      tx.insert(mediatorLanguages)
        .values(languages.map((languageSlug) => ({ mediatorId: id, languageSlug })))
        .run();
    }
    recordSearchChange(tx, "mediator", [id]);
    return true;
  });
}
