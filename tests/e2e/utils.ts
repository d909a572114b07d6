// Helpers for the page tests: expectations come from the running site's own API, never from
// hard-coded demo names, so the tests hold for any deterministic pool.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { SearchResponse } from "../../app/models/search.server";

export async function apiSearch(request: APIRequestContext, params: Record<string, string | string[]>): Promise<SearchResponse> {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) qs.append(key, v);
  const response = await request.get(`/api/v1/search?${qs}`);
  expect(response.ok(), `GET /api/v1/search?${qs}`).toBe(true);
  return (await response.json()) as SearchResponse;
}

/** The first facet value that narrows the results without emptying them. */
export function narrowingValue(facetCounts: Record<string, number>, total: number): [string, number] {
  const entries = Object.entries(facetCounts).filter(([, n]) => n > 0 && n < total);
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const first = entries[0];
  if (!first) throw new Error(`no narrowing facet value in ${JSON.stringify(facetCounts)}`);
  return first;
}

export const resultStatus = (page: Page) => page.getByRole("status").filter({ hasText: /结果|result/ });
export const resultCards = (page: Page) => page.getByRole("main").getByRole("article");

/** The page fits its viewport: nothing sticks out sideways. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "page scroll width").toBeLessThanOrEqual(innerWidth);
}

/**
 * Runs `fn` on the e2e server's own database file (playwright.config.ts sets E2E_DATABASE_PATH), for
 * data no API makes on its own terms (a ferry suspension with no sessions caught). WAL: the server
 * sees the row on its next read.
 */
export async function withE2eDatabase<T>(fn: (db: import("better-sqlite3").Database) => T): Promise<T> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
