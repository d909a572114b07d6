import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pageSchema } from "~/models/booking-schemas";
import { fileCaseSchema } from "~/models/case-schemas";
import { fileCase, listCases } from "~/models/cases.server";
import { apiJson } from "~/utils/api.server";
import { handleApi, invalid, methodNotAllowed, readJson } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

/** `?page&perPage`: `{cases, total, page, perPage}`, newest first; a party's own, all for staff. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    const page = pageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams), { reportInput: true });
    if (!page.success) return invalid(page.error);
    return apiJson(listCases({ user, page: page.data }));
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleApi(async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const { user } = requireApiUser(request, ["party", "staff", "admin"]);
    const input = await readJson(request, fileCaseSchema);
    return apiJson(await fileCase({ user, input, now: Date.now() }), { status: 201 });
  });
