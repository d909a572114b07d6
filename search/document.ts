// The one place that decides what is indexed. Records come from search/records.ts; whatever a record
// carries that is not copied here is never searchable. Parties' personal data never reaches a record.
import { CATEGORIES, TOWNS, type HitKind, type MediatorKind } from "../domain";
import { pinyinInitials, pinyinJoined } from "../domain/pinyin";
import type { SearchDocument } from "./types";

/**
 * A mediator's or committee's record over the last 12 months, from the records projection (cases
 * whose mediator_id, or committee_id, it is; docs/case-figures.md), with its ranking score (ADR 014).
 */
export interface RecordStats {
  closed: number;
  mediated: number;
  agreements: number;
  score: number;
}

export interface MediatorRecord {
  id: number;
  kind: MediatorKind;
  name: string;
  namePinyin: string;
  title: string;
  organisation: string | null;
  bio: string;
  yearsOfExperience: number;
  record: RecordStats;
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
  /** The committee's own record: the cases that went through it (not the sum of its members'). */
  record: RecordStats;
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
/** The document's stats: the agreement rate is of mediated cases (a withdrawal is nobody's failure). */
function statsOf(r: RecordStats) {
  return {
    closed: r.closed,
    agreements: r.agreements,
    successRate: r.mediated > 0 ? r.agreements / r.mediated : null,
    score: r.score,
  };
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
    ...statsOf(r.record),
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
    ...statsOf(r.record),
    nextAvailableAt: next.length ? Math.min(...next) : null,
  };
}
