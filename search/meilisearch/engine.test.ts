// What can be checked of the engine without a Meilisearch server. Nothing here pretends to be one: the
// URL points at a local port that was just freed, so any request really fails (connection refused);
// the engine's behaviour against a live server is tests/contract/meilisearch.contract.test.ts.
import { createServer } from "node:net";
import { MeilisearchEngine } from "./engine";
import { MeilisearchEngineError } from "./errors";
import { UnknownFacetError } from "./filters";

let CLOSED = "http://127.0.0.1:1";
const engine = () => new MeilisearchEngine({ url: CLOSED, indexName: "mediators_unit", requestTimeoutMs: 2_000 });

beforeAll(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  CLOSED = `http://127.0.0.1:${port}`;
});

describe("MeilisearchEngine", () => {
  it("is the meilisearch engine of the port", () => {
    expect(engine().name).toBe("meilisearch");
    expect(engine().indexName).toBe("mediators_unit");
  });

  it("needs a url", () => {
    expect(() => new MeilisearchEngine({ url: " ", indexName: "mediators" })).toThrow(/url/);
  });

  it.each(["", "has space", "中文", "a/b", "x".repeat(401)])("rejects index name %j", (indexName) => {
    expect(() => new MeilisearchEngine({ url: CLOSED, indexName })).toThrow(/Invalid Meilisearch index name/);
  });

  it("accepts the index names the app and the contract suite use", () => {
    expect(() => new MeilisearchEngine({ url: CLOSED, indexName: "mediators" })).not.toThrow();
    expect(() => new MeilisearchEngine({ url: CLOSED, indexName: `contract_${Date.now()}_0` })).not.toThrow();
  });

  it("sends nothing for empty upserts and deletes", async () => {
    await expect(engine().upsert([])).resolves.toBeUndefined();
    await expect(engine().delete([])).resolves.toBeUndefined();
  });

  it("rejects an unknown facet as bad input, before any request", async () => {
    const search = engine().search({ q: "", filters: { colour: ["red"] } as never, sort: "relevance", page: 1, perPage: 20 });
    await expect(search).rejects.toBeInstanceOf(UnknownFacetError);
  });

  it("surfaces an unreachable server as a MeilisearchEngineError naming the operation and index", async () => {
    const count = engine().count();
    await expect(count).rejects.toBeInstanceOf(MeilisearchEngineError);
    await expect(count).rejects.toThrow(/^Meilisearch count on index "mediators_unit" failed: Request to .* has failed: .*ECONNREFUSED/);
  });
});
