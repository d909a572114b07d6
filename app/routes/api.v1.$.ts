// Any other /api/v1 path: a JSON 404, not the HTML error page.
import { apiError } from "~/utils/api.server";

const unknown = () => apiError(404, "not_found", "No such API endpoint");
export const loader = unknown;
export const action = unknown;
