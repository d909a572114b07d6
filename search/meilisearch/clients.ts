// The engine's two Meilisearch clients: one for searches (the search key, the short search timeout) and
// one for everything else (the indexing key). Made on first use, because with a master key the keys
// are obtained then, which is a request the server may not answer yet.
import { Meilisearch } from "meilisearch";
import { obtainKeys, type MeiliKeys } from "./keys";

export interface ClientOptions {
  url: string;
  apiKey?: string;
  masterKey?: string;
  keys?: MeiliKeys;
  indexName: string;
  taskTimeoutMs?: number;
  requestTimeoutMs?: number;
  searchTimeoutMs?: number;
}

export interface Clients {
  admin: Meilisearch;
  search: Meilisearch;
  keys?: MeiliKeys;
}

export class MeiliClients {
  #made: Promise<Clients> | undefined;
  constructor(private readonly o: ClientOptions) {}

  #client(apiKey: string | undefined, timeout: number): Meilisearch {
    return new Meilisearch({
      host: this.o.url,
      apiKey: apiKey || undefined,
      timeout,
      // Uncompressed answers. Asked for gzip (fetch's default), Meilisearch 1.50 sends a search's answer as
      // chunks whose last small one waits for the client's delayed ACK on a kept-alive connection: 44–48 ms
      // per search on 127.0.0.1 instead of 2–4 ms (measured 2026-12-01). The answers are a few kB.
      requestInit: { headers: { "Accept-Encoding": "identity" } },
      defaultWaitOptions: { timeout: this.o.taskTimeoutMs ?? 60_000, interval: 50 },
    });
  }

  /** A failure to obtain the keys is forgotten, so the next use tries again (the server may be starting). */
  get(): Promise<Clients> {
    this.#made ??= (async () => {
      const o = this.o;
      const requestMs = o.requestTimeoutMs ?? 10_000;
      const keys =
        o.keys ??
        (o.masterKey ? await obtainKeys({ url: o.url, masterKey: o.masterKey, indexName: o.indexName, timeoutMs: requestMs }) : undefined);
      return {
        admin: this.#client(keys?.adminKey ?? o.apiKey, requestMs),
        search: this.#client(keys?.searchKey ?? o.apiKey, o.searchTimeoutMs ?? requestMs),
        keys,
      };
    })().catch((error) => {
      this.#made = undefined;
      throw error;
    });
    return this.#made;
  }

  /** The server refused a key (deleted, or a new master key): obtain them again on the next use. */
  forget(): void {
    this.#made = undefined;
  }
}
