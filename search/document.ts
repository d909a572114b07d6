// The one place that decides what is indexed. Records come from search/records.ts; whatever a record
// carries that is not copied here is never searchable. Parties' personal data never reaches a record.
import { CATEGORIES, TOWNS, type HitKind, type MediatorKind } from "../domain";
import { pinyinInitials, pinyinJoined } from "../domain/pinyin";
import { successRate, successScore } from "../domain/score";
import type { SearchDocument } from "./types";

export interface MediatorRecord {
  id: number;
  kind: MediatorKind;
  name: string;
  namePinyin: string;
  title: string;
  organisation: string | null;
  bio: string;
  yearsOfExperience: number;
  closedCases: number;
  agreements: number;
  categories: string[];
  towns: string[];
  modes: string[];
  languages: string[];
  nextAvailableAt: number | null;
}

export interface CommitteeRecord {
  id: number;
  name: string;
  namePinyin: string;
  description: string;
  organisation: string | null;
  categories: string[];
  members: MediatorRecord[];
}

export function mediatorDocId(id: number): string {
  return `mediator-${id}`;
}
export function committeeDocId(id: number): string {
  return `committee-${id}`;
}

function categoryNames(slugs: string[]): string[] {
  return slugs.flatMap((s) => {
    const c = CATEGORIES.find((x) => x.slug === s);
    return c ? [c.zh, c.en] : [];
  });
}
function townNames(slugs: string[]): string[] {
  return slugs.flatMap((s) => {
    const t = TOWNS.find((x) => x.slug === s);
    return t ? [t.zh, t.en] : [];
  });
}
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function base(kind: HitKind, r: { name: string; namePinyin: string }) {
  return {
    kind,
    name: r.name,
    namePinyin: r.namePinyin,
    namePinyinJoined: pinyinJoined(r.namePinyin),
    nameInitials: pinyinInitials(r.namePinyin),
  };
}

export function mediatorToDocument(r: MediatorRecord): SearchDocument {
  const categories = sorted(r.categories);
  const towns = sorted(r.towns);
  return {
    id: mediatorDocId(r.id),
    entityId: r.id,
    ...base(r.kind, r),
    title: r.title,
    organisation: r.organisation,
    bio: r.bio,
    categories,
    categoryNames: categoryNames(categories),
    towns,
    townNames: townNames(towns),
    modes: sorted(r.modes),
    languages: sorted(r.languages),
    memberNames: [],
    yearsOfExperience: r.yearsOfExperience,
    closed: r.closedCases,
    agreements: r.agreements,
    successRate: successRate(r.closedCases, r.agreements),
    score: successScore(r.closedCases, r.agreements),
    nextAvailableAt: r.nextAvailableAt,
  };
}

/**
 * A committee is ordered as a whole and the centre assigns a member, so it offers what its members
 * offer: the union of their towns, modes and languages; its record is the sum of theirs; its next
 * free time is the earliest of theirs.
 */
export function committeeToDocument(r: CommitteeRecord): SearchDocument {
  const categories = sorted(r.categories);
  const towns = sorted(r.members.flatMap((m) => m.towns));
  const closed = r.members.reduce((n, m) => n + m.closedCases, 0);
  const agreements = r.members.reduce((n, m) => n + m.agreements, 0);
  const next = r.members.map((m) => m.nextAvailableAt).filter((t): t is number => t !== null);
  return {
    id: committeeDocId(r.id),
    entityId: r.id,
    ...base("committee", r),
    title: "调解委员会",
    organisation: r.organisation,
    bio: r.description,
    categories,
    categoryNames: categoryNames(categories),
    towns,
    townNames: townNames(towns),
    modes: sorted(r.members.flatMap((m) => m.modes)),
    languages: sorted(r.members.flatMap((m) => m.languages)),
    memberNames: r.members.map((m) => m.name),
    yearsOfExperience: Math.max(0, ...r.members.map((m) => m.yearsOfExperience)),
    closed,
    agreements,
    successRate: successRate(closed, agreements),
    score: successScore(closed, agreements),
    nextAvailableAt: next.length ? Math.min(...next) : null,
  };
}
