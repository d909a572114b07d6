// /developers: the API reference, drawn on the server from the same OpenAPI document GET
// /api/v1/openapi.json serves (app/openapi): operations by group with their parameters, body and
// answers, then the shared schemas. Plain HTML, no script of its own, so the nonce-based CSP needs nothing.
import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useT } from "~/i18n";
import { openApiDocument } from "~/openapi/document.server";
import { TAG_IDS, type OperationId, type TagId } from "~/openapi/operations";

interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  description?: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}
interface Operation {
  operationId: OperationId;
  tags: TagId[];
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

/** A schema in a few words: its type, `array of …`, an enum's values, or the component it names. */
function typeOf(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${type} (${s.format})` : type;
}

export function loader() {
  const doc = openApiDocument(Date.now());
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({
      id: op.operationId,
      tag: op.tags[0],
      method: method.toUpperCase(),
      path,
      description: op.description ?? null,
      access: !op.security?.length ? "none" : op.security.some((s) => Object.keys(s).length === 0) ? "codeOrAccount" : "required",
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        type: typeOf(p.schema),
        required: p.required === true,
        description: p.description ?? p.schema?.description ?? null,
      })),
      body: op.requestBody ? JSON.stringify(Object.values(op.requestBody.content)[0].schema, null, 2) : null,
      responses: Object.entries(op.responses).map(([status, r]) => {
        const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
        return { status, description: r.description, type: type ?? null, schema: media ? typeOf(media.schema) : null };
      }),
    })),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) }));
  return { operations, schemas };
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=300" });

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.apiDocs.title} · ${t.siteName}` }, { name: "description", content: t.metaDescription.developers }];
};

const anchor = (id: string) => `op-${id}`;

export default function DevelopersPage() {
  const { operations, schemas } = useLoaderData<typeof loader>();
  const t = useT().apiDocs;
  const byTag = TAG_IDS.map((tag) => ({ tag, ops: operations.filter((op) => op.tag === tag) })).filter((g) => g.ops.length);
  return (
    <div className="api-docs">
      <h1>{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <p>
        <a href="/api/v1/openapi.json">{t.download}</a>
      </p>
      <section aria-labelledby="api-auth">
        <h2 id="api-auth">{t.authHeading}</h2>
        <ul>
          {t.auth.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <h2>{t.errorsHeading}</h2>
        <p>{t.errors}</p>
        <p className="small muted">{t.fuzz}</p>
      </section>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t.contents}</h2>
        {byTag.map(({ tag, ops }) => (
          <div key={tag}>
            <h3>{t.tags[tag]}</h3>
            <ul>
              {ops.map((op) => (
                <li key={op.id}>
                  <a href={`#${anchor(op.id)}`}>
                    <code>{`${op.method} ${op.path}`}</code>
                  </a>{" "}
                  {t.operations[op.id]}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {byTag.map(({ tag, ops }) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{t.tags[tag]}</h2>
          {ops.map((op) => (
            <article key={op.id} id={anchor(op.id)} className="panel">
              <h3>
                <code>{`${op.method} ${op.path}`}</code>
              </h3>
              <p>
                {t.operations[op.id]} · {t.auth_[op.access as keyof typeof t.auth_]}
              </p>
              {op.description ? <p className="small">{op.description}</p> : null}
              <h4>{t.parameters}</h4>
              {op.parameters.length ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.name}</th>
                      <th scope="col">{t.in}</th>
                      <th scope="col">{t.type}</th>
                      <th scope="col">{t.required}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <td>
                          <code>{p.name}</code>
                        </td>
                        <td>{p.in}</td>
                        <td>
                          <code>{p.type}</code>
                          {p.description ? <span className="small muted"> {p.description}</span> : null}
                        </td>
                        <td>{p.required ? t.yes : t.no}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="small muted">{t.noParameters}</p>
              )}
              {op.body ? (
                <details>
                  <summary>{t.body}</summary>
                  <pre>{op.body}</pre>
                </details>
              ) : null}
              <h4>{t.responses}</h4>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.schema}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.responses.map((r) => (
                    <tr key={r.status}>
                      <td>{r.status}</td>
                      <td>
                        {r.schema ? <code>{r.schema}</code> : null}{" "}
                        {r.type && r.type !== "application/json" ? <span className="small">{r.type}</span> : null}{" "}
                        <span className="small muted">{r.description}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </section>
      ))}
      <section aria-labelledby="api-schemas">
        <h2 id="api-schemas">{t.schemasHeading}</h2>
        {schemas.map((s) => (
          <details key={s.name} id={`schema-${s.name}`}>
            <summary>
              <code>{s.name}</code>
            </summary>
            <pre>{s.json}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
