// The POST /api/v1/panels/:id/<step> routes share their shape: parse the panel's id, find who is asking,
// parse the body with the step's schema, call one model function, answer with what it returns (a
// Response it returns, such as a 404, goes out as it is). Authentication comes before the body, as it
// did in each route.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { User } from "../models/auth.server";
import { apiJson, notFound, parseId } from "./api.server";
import { handleApi, methodNotAllowed, readJson } from "./api-handler.server";
import { requireApiUser } from "./auth.server";

type Run<S extends z.ZodType> = (args: { user: User; id: number; body: z.infer<S>; now: number }) => unknown;

/** The step's action; `allowed` are the methods its route answers (a route with its own GET says so). */
export function panelStepAction<S extends z.ZodType>(schema: S, run: Run<S>, allowed: string[] = ["POST"]) {
  return ({ request, params }: ActionFunctionArgs) =>
    handleApi(async () => {
      if (request.method !== "POST") return methodNotAllowed(allowed);
      const id = parseId(params.id);
      if (id === null) return notFound("Panel");
      const { user } = requireApiUser(request);
      const body = await readJson(request, schema);
      const out = await run({ user, id, body, now: Date.now() });
      return out instanceof Response ? out : apiJson(out);
    });
}

/** A POST-only step: its action, and a loader that says only POST is allowed. */
export const panelStep = <S extends z.ZodType>(schema: S, run: Run<S>) => ({
  loader: () => methodNotAllowed(["POST"]),
  action: panelStepAction(schema, run),
});
