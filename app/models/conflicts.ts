// Conflicts of interest (issue 9): a mediator's declared ties (a village, a boat, an employer, kin, an
// organisation, a person) matched against a case's parties and its description. Pure: the folding is
// the search engine's traditional → simplified table (search/embedded/fold.ts), so 舟山藍灣 matches
// 舟山蓝湾 here exactly as it does in search.
import type { TieKind } from "../../domain";
import { foldChinese } from "../../search/embedded/fold";

/**
 * The form a name is compared in: full-width folded to half-width (NFKC), spaces and punctuation
 * removed, lower case, traditional characters folded to simplified. "浙普渔 60123" and "浙普漁60123"
 * are the same boat.
 */
export function normalizeTieName(name: string): string {
  return foldChinese(
    name
      .normalize("NFKC")
      .replace(/[\s\p{P}\p{S}]+/gu, "")
      .toLowerCase(),
  );
}

export interface Tie {
  id: number;
  mediatorId: number;
  kind: TieKind;
  normalized: string;
}

/** What a case offers to match against: its parties' names and its description (never stored in a reason). */
export interface CaseText {
  partyNames: string[];
  description: string;
}

/** Shorter than this, a name inside a longer text matches by accident (a surname, 渔业). */
const MIN_CONTAINED = 3;

/**
 * A person or a relative is tied by their name equal to a party's: a two-character name inside a
 * longer one (王伟 in 王伟国) would conflict half the island. Places, boats, employers and organisations
 * are named inside longer texts ("小湖村村委会", "浙普渔60123号船主", a description mentioning the
 * boat), so they match when their folded name appears in a party's name or the description.
 */
export function tieMatches(tie: Pick<Tie, "kind" | "normalized">, text: FoldedCaseText): boolean {
  const name = tie.normalized;
  if (!name) return false;
  if (text.parties.includes(name)) return true;
  if (tie.kind === "person" || tie.kind === "kin") return false;
  if (name.length < MIN_CONTAINED) return false;
  if (text.parties.some((p) => p.includes(name))) return true;
  return text.description.includes(name);
}

export interface FoldedCaseText {
  parties: string[];
  description: string;
}

/** The case's text folded once, however many ties it is matched against. */
export const foldCaseText = (text: CaseText): FoldedCaseText => ({
  parties: text.partyNames.map(normalizeTieName).filter(Boolean),
  description: normalizeTieName(text.description),
});

/** The first of a mediator's ties that the case matches, or null. */
export function conflictOf(ties: readonly Tie[], text: FoldedCaseText): Tie | null {
  for (const t of ties) if (tieMatches(t, text)) return t;
  return null;
}
