// Wraps API loaders and actions: known failures become {error: {code, message, fields}} with the
// right status; anything thrown as a Response passes through; input can never cause a 500.
import { z } from "zod";
import { DomainError, type ErrorCode } from "../models/errors";
import { MAX_BODY_BYTES } from "../../server/http.mjs";
import { apiError } from "./api.server";
import { fieldErrors } from "./forms.server";

/** A 400 with every issue under its field (`weekly.2.end`; `_` for the whole body), in English. */
export function invalid(error: z.ZodError): Response {
  return apiError(400, "invalid_input", "Some fields are invalid", fieldErrors(error, "en", "dotted"));
}

/** The one map from a domain error's code to its HTTP status. */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  slot_taken: 409,
  not_available: 422,
  illegal_transition: 409,
  too_late: 409,
  idempotency_mismatch: 422,
  email_taken: 409,
  conflict: 409,
  rate_limited: 429,
};

export async function handleApi(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof DomainError)
      return apiError(
        STATUS_OF[error.code],
        error.code,
        error.message,
        error.detail ? { [error.detail.field]: [error.message] } : undefined,
      );
    if (error instanceof z.ZodError) return invalid(error);
    console.error(error);
    return apiError(500, "internal", "Something went wrong on our side");
  }
}

/**
 * The request's JSON body parsed with `schema`: 400 for a body that is not JSON or not the schema. The
 * server refuses bodies over MAX_BODY_BYTES (413) before they are read; the check here holds the same limit
 * for callers that bypass it (tests calling a route module).
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw apiError(413, "body_too_large", `The body must be at most ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw apiError(400, "invalid_json", "The body is not valid JSON");
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

// The one JSON 405, shared with the server's fast path (server/http.mjs).
export { methodNotAllowed } from "./api.server";
