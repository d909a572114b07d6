// SearchDocument ⇄ the document stored in Meilisearch. Pure.
import type { HitKind } from "../../domain";
import { REACH_FIELD, reachValues } from "../reach";
import type { SearchDocument } from "../types";

export const PRIMARY_KEY = "id";

/**
 * A field only the Meilisearch document has: the Latin-script words of the Chinese text fields (the
 * English category and town names, an English bio). Typo tolerance is off on bio, title and
 * organisation and on here (settings.ts), so "mediaton" still finds "Mediation" while a Chinese word
 * in a bio gets no typos.
 */
export const LATIN_WORDS_FIELD = "latinWords";

/**
 * A field only the Meilisearch document has: every distinct Chinese character of the searchable text,
 * as written. Meilisearch matches words, and Chinese by their reading (tone-marked pinyin, after
 * folding variants): a one-character query finds other characters read alike (李 finds 邻里's 里) and
 * misses the character inside a longer word (龙 in 马飞龙, cut 马/飞龙). A one-character query
 * therefore also searches this field and is filtered on it (query.ts), which is exact (filters compare
 * values as written): the documents that hold the character, as in the embedded engine.
 */
export const CHARACTERS_FIELD = "characters";

/** What Meilisearch stores: a SearchDocument (an unknown next free slot left out) plus the two fields above. */
export type MeiliDocument = Omit<SearchDocument, "nextAvailableAt"> & {
  nextAvailableAt?: number;
  [LATIN_WORDS_FIELD]: string;
  [CHARACTERS_FIELD]: string[];
  /** Who it serves from which town by which modes (search/reach.ts): what the town facet filters and counts. */
  [REACH_FIELD]: string[];
};

/** Meilisearch document ids: letters, digits, `-` and `_`, at most 511 bytes ("mediator-12" is fine). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export function assertValidDocumentId(id: string): void {
  if (typeof id !== "string" || !DOCUMENT_ID.test(id)) {
    throw new Error(`Invalid Meilisearch document id ${JSON.stringify(id)}: use letters, digits, - and _`);
  }
}

/**
 * `nextAvailableAt: null` is omitted rather than stored as null. Meilisearch's `sort` puts documents
 * that have no value for the sort field after all documents that have one, in both directions, so
 * `nextAvailableAt:asc` lists "free soonest" first and "no free slot known" last. Leaving the field
 * out (not null) is the documented form of "no value", and since upsert uses addDocuments (replace,
 * not merge), a slot that disappears really disappears from the stored document.
 */
export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  assertValidDocumentId(doc.id);
  const { nextAvailableAt, ...rest } = doc;
  const stored = { ...rest, [LATIN_WORDS_FIELD]: latinWords(doc), [CHARACTERS_FIELD]: characters(doc), [REACH_FIELD]: reachValues(doc) };
  return nextAvailableAt === null || nextAvailableAt === undefined ? stored : { ...stored, nextAvailableAt };
}

const HAN = /\p{Script=Han}/gu;

/** The distinct Han characters of the searchable text fields, in order of appearance. */
export function characters(doc: SearchDocument): string[] {
  const text = [doc.name, ...doc.memberNames, doc.title, doc.organisation ?? "", ...doc.categoryNames, ...doc.townNames, doc.bio].join("");
  return [...new Set(text.match(HAN) ?? [])];
}

const LATIN_WORD = /[A-Za-z\u00C0-\u024F]+/g;

/** The distinct Latin-letter words of the Chinese text fields, in order (a bio's English among them). */
export function latinWords(doc: SearchDocument): string {
  const text = [doc.name, doc.title, doc.organisation ?? "", doc.bio, ...doc.categoryNames, ...doc.townNames, ...doc.memberNames].join(" ");
  return [...new Set(text.match(LATIN_WORD) ?? [])].join(" ");
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * A hit (or stored document) back into a SearchDocument. Copies only the document's own fields, so the
 * hit's `_formatted`, `_rankingScore`… and the Meilisearch-only fields never leak into it; a missing
 * nextAvailableAt becomes null.
 */
export function fromMeiliDocument(hit: Record<string, unknown>): SearchDocument {
  return {
    id: str(hit.id),
    entityId: num(hit.entityId),
    kind: str(hit.kind) as HitKind,
    name: str(hit.name),
    namePinyin: str(hit.namePinyin),
    namePinyinJoined: str(hit.namePinyinJoined),
    nameInitials: str(hit.nameInitials),
    title: str(hit.title),
    organisation: typeof hit.organisation === "string" ? hit.organisation : null,
    bio: str(hit.bio),
    categories: strings(hit.categories),
    categoryNames: strings(hit.categoryNames),
    towns: strings(hit.towns),
    townNames: strings(hit.townNames),
    modes: strings(hit.modes),
    languages: strings(hit.languages),
    memberNames: strings(hit.memberNames),
    yearsOfExperience: num(hit.yearsOfExperience),
    closed: num(hit.closed),
    agreements: num(hit.agreements),
    successRate: numOrNull(hit.successRate),
    score: num(hit.score),
    nextAvailableAt: numOrNull(hit.nextAvailableAt),
  };
}
