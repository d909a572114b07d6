// The one schema for search input, shared by the JSON API and the search page. Repeated parameters
// (`category=a&category=b`) are arrays; anything unknown or out of range is a field error, never a 500.
import { z } from "zod";
import { CATEGORY_SLUGS, HIT_KINDS, LANGUAGE_SLUGS, MODE_SLUGS, TOWN_SLUGS } from "../../domain";
import type { SearchQuery } from "../../search/types";

export const MAX_QUERY_LENGTH = 100;
export const MAX_PER_PAGE = 50;
/** Deep paging is not a use case; bounding it keeps every request cheap. */
export const MAX_RESULT_WINDOW = 10_000;

const many = <T extends [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length * 2)
    .default([]);

export const searchParamsSchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`).default(""),
    kind: many([...HIT_KINDS]),
    category: many(CATEGORY_SLUGS),
    town: many(TOWN_SLUGS).meta({
      description:
        "Where the party is (ADR 032): who serves a party from that town, on site there or online; with `mode`, by those modes (onsite: on site there). Its counts and `mode`'s follow the same rule.",
    }),
    mode: many(MODE_SLUGS),
    language: many(LANGUAGE_SLUGS),
    sort: z.enum(["relevance", "success", "available"]).default("relevance"),
    page: z.coerce.number().int().min(1).max(MAX_RESULT_WINDOW).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
    /** Only mediators with a free slot within this many days (from now). */
    availableWithinDays: z.coerce.number().int().min(1).max(365).optional(),
  })
  .refine((v) => v.page * v.perPage <= MAX_RESULT_WINDOW, {
    path: ["page"],
    message: `page × perPage must be at most ${MAX_RESULT_WINDOW}`,
  });

export type SearchParams = z.infer<typeof searchParamsSchema>;

const ARRAY_KEYS = new Set(["kind", "category", "town", "mode", "language"]);

/** URLSearchParams → plain object (arrays for repeatable keys, empty values dropped). */
export function searchParamsToObject(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (ARRAY_KEYS.has(key)) out[key] = values;
    else if (values.length > 1)
      out[key] = values; // a repeated scalar is an error zod reports
    else if (values.length === 1) out[key] = values[0];
  }
  return out;
}

export type FieldErrors = Record<string, string[]>;

export function parseSearchParams(params: URLSearchParams): { ok: true; value: SearchParams } | { ok: false; fields: FieldErrors } {
  const parsed = searchParamsSchema.safeParse(searchParamsToObject(params));
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "_");
    (fields[key] ??= []).push(issue.message);
  }
  return { ok: false, fields };
}

export function toSearchQuery(p: SearchParams, now: number): SearchQuery {
  return {
    q: p.q,
    filters: { kind: p.kind, category: p.category, town: p.town, mode: p.mode, language: p.language },
    sort: p.sort,
    page: p.page,
    perPage: p.perPage,
    ...(p.availableWithinDays ? { availableBefore: now + p.availableWithinDays * 86_400_000 } : {}),
  };
}
