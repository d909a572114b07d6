// Holds an API answer to what the OpenAPI description says of it (ajv, JSON Schema 2020-12 as OpenAPI
// 3.1 uses it, with formats). One compiled description per test file; import after the route modules.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

const { openApiDocument } = await import("~/openapi/document.server");

const doc = JSON.parse(JSON.stringify(openApiDocument(Date.now())));
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
(((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: typeof ajv) => void)(ajv);
ajv.addSchema(doc, "openapi");
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** The answer `body` with `status` to `method apiPath` ("/api/v1/cases/{id}/…") fits its described schema. */
export function expectDescribed(method: string, apiPath: string, status: number, body: unknown) {
  const op = doc.paths[apiPath]?.[method];
  expect(Object.keys(op?.responses ?? {}), `${method} ${apiPath} describes ${status}`).toContain(String(status));
  const validate = ajv.getSchema(
    `openapi#/${pointer("paths", apiPath, method, "responses", String(status), "content", "application/json", "schema")}`,
  )!;
  expect(validate(body) ? [] : validate.errors, `${method} ${apiPath} ${status}`).toEqual([]);
}
