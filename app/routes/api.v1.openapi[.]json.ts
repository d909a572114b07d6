// GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1 (app/openapi, ADR 016). Public and
// the same for everyone, so shared caches may keep it a while.
import { openApiDocument } from "~/openapi/document.server";
import { apiJson } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";

export const loader = () => handleApi(() => apiJson(openApiDocument(Date.now()), { headers: { "Cache-Control": "public, max-age=300" } }));
