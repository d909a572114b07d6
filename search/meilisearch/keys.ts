// The two API keys the app works with, obtained with the master key and nothing else done with it:
// - a search key (action "search", the index only): the one every query is sent with, so a leaked
//   search key can read the public profiles and nothing more;
// - an indexing key (documents, indexes, settings, tasks and stats of the index and of its reindex
//   copies `<index>_*`): the one the outbox worker, setup, search:check and search:reindex use.
// Each key has a uid derived from the index name, so every process (and every restart) asks for the
// same two keys: the first creates them, the others find them ("api_key_already_exists" then a read).
// Neither the master key nor the keys are ever put into a log line or an error message.
import { createHash } from "node:crypto";
import { Meilisearch } from "meilisearch";
import { apiErrorCode, wrapError } from "./errors";

export interface MeiliKeys {
  searchKey: string;
  adminKey: string;
}

export const SEARCH_ACTIONS = ["search"];
/** stats.get because count() reads the index's stats; indexes.* covers swap (reindex). */
export const ADMIN_ACTIONS = ["documents.*", "indexes.*", "settings.*", "tasks.*", "stats.get"];

/** A version-4-shaped UUID from a name: Meilisearch wants a UUID, we want the same one every time. */
export function uidFor(name: string): string {
  const h = createHash("sha256").update(name).digest("hex").split("");
  h[12] = "4";
  h[16] = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function keySpecs(indexName: string) {
  return {
    search: {
      uid: uidFor(`order-a-mediator search ${indexName}`),
      name: `order-a-mediator search (${indexName})`,
      description: "Queries of the search pages and API: search only, this index only.",
      actions: SEARCH_ACTIONS,
      indexes: [indexName],
      expiresAt: null,
    },
    admin: {
      uid: uidFor(`order-a-mediator indexing ${indexName}`),
      name: `order-a-mediator indexing (${indexName})`,
      description: "The outbox worker, search:check and search:reindex: this index and its reindex copies.",
      actions: ADMIN_ACTIONS,
      indexes: [indexName, `${indexName}_*`],
      expiresAt: null,
    },
  } as const;
}

async function obtain(client: Meilisearch, spec: ReturnType<typeof keySpecs>["search" | "admin"]): Promise<string> {
  try {
    return (await client.createKey({ ...spec, actions: [...spec.actions], indexes: [...spec.indexes] })).key;
  } catch (error) {
    if (apiErrorCode(error) !== "api_key_already_exists") throw error;
    // A key with this uid exists (another process, an earlier start). Its actions and indexes cannot be
    // changed in Meilisearch; they were made from the same spec, since the uid is derived from it.
    return (await client.getKey(spec.uid)).key;
  }
}

/** Creates (or finds) the two keys with the master key. Bounded by `timeoutMs` per request. */
export async function obtainKeys(opts: { url: string; masterKey: string; indexName: string; timeoutMs?: number }): Promise<MeiliKeys> {
  const client = new Meilisearch({
    host: opts.url,
    apiKey: opts.masterKey,
    timeout: opts.timeoutMs ?? 5_000,
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
  const specs = keySpecs(opts.indexName);
  try {
    return { searchKey: await obtain(client, specs.search), adminKey: await obtain(client, specs.admin) };
  } catch (error) {
    throw wrapError("obtain API keys", opts.indexName, error);
  }
}
