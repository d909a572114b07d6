// Every failure of the Meilisearch engine surfaces as one thrown MeilisearchEngineError that says what
// was being done, on which index, and why; the outbox worker logs it and retries.
import { MeilisearchApiError, type Task } from "meilisearch";

export class MeilisearchEngineError extends Error {
  override name = "MeilisearchEngineError";
  constructor(
    readonly operation: string,
    readonly indexUid: string,
    reason: string,
    /** Meilisearch's error code when it gave one ("index_not_found", "invalid_search_filter"…). */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(`Meilisearch ${operation} on index "${indexUid}" failed: ${reason}`, options);
  }
}

/** Meilisearch's error code of an API error, if it is one. */
export function apiErrorCode(error: unknown): string | undefined {
  return error instanceof MeilisearchApiError ? error.cause?.code : undefined;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = apiErrorCode(error);
  let reason = code ? `${error.message} (${code})` : error.message;
  // Network failures nest the real reason: "Request to … has failed" → "fetch failed" → "connect ECONNREFUSED".
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++, cause = cause.cause) {
    if (!reason.includes(cause.message)) reason += `: ${cause.message}`;
  }
  return reason;
}

export function wrapError(operation: string, indexUid: string, error: unknown): MeilisearchEngineError {
  if (error instanceof MeilisearchEngineError) return error;
  return new MeilisearchEngineError(operation, indexUid, reasonOf(error), apiErrorCode(error), { cause: error });
}

/** waitTask resolves with failed and canceled tasks too; only "succeeded" is success. */
export function assertTaskSucceeded(operation: string, indexUid: string, task: Task): void {
  if (task.status === "succeeded") return;
  const reason =
    task.status === "failed"
      ? `task ${task.uid} failed: ${task.error?.message ?? "no error message"}${task.error?.code ? ` (${task.error.code})` : ""}`
      : `task ${task.uid} ended with status "${task.status}"`;
  throw new MeilisearchEngineError(operation, indexUid, reason, task.error?.code);
}
