import { MeilisearchApiError, MeilisearchRequestError, type Task } from "meilisearch";
import { apiErrorCode, assertTaskSucceeded, MeilisearchEngineError, wrapError } from "./errors";

function task(overrides: Partial<Task>): Task {
  return {
    uid: 41,
    batchUid: 7,
    indexUid: "mediators",
    status: "succeeded",
    type: "documentAdditionOrUpdate",
    canceledBy: null,
    error: null,
    duration: "PT0.01S",
    enqueuedAt: "2025-01-01T00:00:00Z",
    startedAt: "2025-01-01T00:00:00Z",
    finishedAt: "2025-01-01T00:00:01Z",
    ...overrides,
  };
}

const apiError = () =>
  new MeilisearchApiError(new Response(null, { status: 400, statusText: "Bad Request" }), {
    message: "Attribute `price` is not filterable.",
    code: "invalid_search_filter",
    type: "invalid_request",
    link: "https://docs.meilisearch.com/errors#invalid_search_filter",
  });

describe("assertTaskSucceeded", () => {
  it("accepts a succeeded task", () => {
    expect(() => assertTaskSucceeded("upsert", "mediators", task({}))).not.toThrow();
  });

  it("turns a failed task into an error naming the operation, index, reason and code", () => {
    const failed = task({
      status: "failed",
      error: {
        message: "Document identifier `a b` is invalid.",
        code: "invalid_document_id",
        type: "invalid_request",
        link: "https://docs.meilisearch.com/errors#invalid_document_id",
      },
    });
    let thrown: unknown;
    try {
      assertTaskSucceeded("add documents", "mediators", failed);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MeilisearchEngineError);
    const error = thrown as MeilisearchEngineError;
    expect(error.message).toBe(
      'Meilisearch add documents on index "mediators" failed: task 41 failed: Document identifier `a b` is invalid. (invalid_document_id)',
    );
    expect(error.code).toBe("invalid_document_id");
  });

  it("treats a canceled task as a failure", () => {
    expect(() => assertTaskSucceeded("clear", "mediators", task({ status: "canceled" }))).toThrow(/task 41 ended with status "canceled"/);
  });
});

describe("wrapError", () => {
  it("keeps Meilisearch's message and code", () => {
    const wrapped = wrapError("search", "mediators", apiError());
    expect(wrapped.message).toBe(
      'Meilisearch search on index "mediators" failed: Attribute `price` is not filterable. (invalid_search_filter)',
    );
    expect(wrapped.code).toBe("invalid_search_filter");
    expect(wrapped.operation).toBe("search");
    expect(wrapped.cause).toBeInstanceOf(MeilisearchApiError);
  });

  it("digs the network reason out of nested causes", () => {
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:7700");
    const fetchFailed = new TypeError("fetch failed", { cause: refused });
    const wrapped = wrapError("count", "mediators", new MeilisearchRequestError("http://127.0.0.1:7700/stats", fetchFailed));
    expect(wrapped.message).toBe(
      'Meilisearch count on index "mediators" failed: Request to http://127.0.0.1:7700/stats has failed: fetch failed: connect ECONNREFUSED 127.0.0.1:7700',
    );
    expect(wrapped.code).toBeUndefined();
  });

  it("passes its own errors through unchanged", () => {
    const own = new MeilisearchEngineError("setup", "mediators", "boom");
    expect(wrapError("upsert", "other", own)).toBe(own);
  });

  it("wraps things that are not errors", () => {
    expect(wrapError("clear", "mediators", "socket hang up").message).toBe('Meilisearch clear on index "mediators" failed: socket hang up');
  });
});

describe("apiErrorCode", () => {
  it("reads the code of API errors only", () => {
    expect(apiErrorCode(apiError())).toBe("invalid_search_filter");
    expect(apiErrorCode(new Error("invalid_search_filter"))).toBeUndefined();
  });
});
