import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { requireApiUser } from "~/utils/auth.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(() => {
    const { user } = requireApiUser(request);
    return apiJson({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      ...(user.mediatorId ? { mediatorId: user.mediatorId } : {}),
    });
  });
