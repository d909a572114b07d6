// The POST /api/v1/cases/:id/<step> routes share their shape: parse the id and the body, find who is
// asking (a signed-in user, or a respondent's invitation code in the body, counted against a limit per
// address so codes cannot be guessed), call one model function, answer with the case. A refusal of
// the case rules answers with its stable `reason` beside the code (case-refusal.server.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { writeTransaction } from "../../db/client";
import { getDb } from "../db.server";
import type { User } from "../models/auth.server";
import { DomainError } from "../models/errors";
import { consume, type Limit } from "../models/rate-limit.server";
import { apiJson, notFound, parseId, rateLimited } from "./api.server";
import { handleApi, methodNotAllowed, readJson } from "./api-handler.server";
import { clientAddress, requireApiUser } from "./auth.server";
import { caseRefusalResponse } from "./case-refusal.server";

/** Invitation codes tried per address: enough for a family sharing a phone, too few to guess one. */
export const CODE_LIMIT: Limit = { max: 20, windowMs: 15 * 60_000 };

export type CaseCaller = { user: User; code?: undefined } | { user?: undefined; code: string };

export function caseStep<S extends z.ZodType>(
  schema: S,
  run: (args: { caller: CaseCaller; id: number; body: z.infer<S>; now: number }) => Promise<unknown>,
  opts: { code?: boolean } = {},
) {
  return {
    loader: () => methodNotAllowed(["POST"]),
    action: ({ request, params, context }: ActionFunctionArgs) =>
      handleApi(async () => {
        if (request.method !== "POST") return methodNotAllowed(["POST"]);
        const id = parseId(params.id);
        if (id === null) return notFound("Case");
        const body = await readJson(request, schema);
        const now = Date.now();
        const code = opts.code ? (body as { code?: string }).code : undefined;
        let caller: CaseCaller;
        if (code) {
          const { retryAfter } = await writeTransaction(getDb(), (tx) =>
            consume(tx, `invite:address:${clientAddress(context)}`, CODE_LIMIT, now),
          );
          if (retryAfter > 0) return rateLimited(retryAfter);
          caller = { code };
        } else caller = { user: requireApiUser(request).user };
        try {
          return apiJson(await run({ caller, id, body, now }));
        } catch (error) {
          // A refusal with a reason answers with it; anything else is handleApi's.
          const refused = error instanceof DomainError ? caseRefusalResponse(error) : null;
          if (refused) return refused;
          throw error;
        }
      }),
  };
}
