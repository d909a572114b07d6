// The API fast path (server/api-fast-path.mjs, ADR 007) kept within what it may skip: it runs only an
// API module's loader or action, so those modules must export nothing else Remix would use (headers,
// meta, links, a component, ErrorBoundary, shouldRevalidate, handle); and the Request it builds carries
// the client's abort signal, so work stops when the client goes away, as it does under Remix.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { apiFastPath } from "../../server/api-fast-path.mjs";

freshDatabase();
const routesDir = path.resolve(import.meta.dirname, "../../app/routes");

describe("API route modules", () => {
  const files = fs.readdirSync(routesDir).filter((f) => f.startsWith("api.") && /\.tsx?$/.test(f));

  it("export only loader and action: the fast path loses nothing by skipping Remix's other exports", async () => {
    expect(files.length).toBeGreaterThan(10);
    const extra: Record<string, string[]> = {};
    for (const f of files) {
      const names = Object.keys(await import(path.join(routesDir, f))).filter((n) => n !== "loader" && n !== "action");
      if (names.length) extra[f] = names;
    }
    expect(extra).toEqual({});
  });
});

describe("the fast path's Request", () => {
  const seen: { aborted?: boolean; finishedSignal?: AbortSignal } = {};
  const build = {
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      "routes/api.slow": {
        id: "routes/api.slow",
        parentId: "root",
        path: "api/slow",
        module: {
          // Waits for the client to leave (or gives up after 5 s and says so).
          loader: ({ request }: { request: Request }) =>
            new Promise<Response>((resolve) => {
              const timer = setTimeout(() => {
                seen.aborted = false;
                resolve(Response.json({ waited: true }));
              }, 5_000);
              request.signal.addEventListener("abort", () => {
                clearTimeout(timer);
                seen.aborted = true;
                resolve(new Response(null, { status: 499 }));
              });
            }),
        },
      },
      "routes/api.quick": {
        id: "routes/api.quick",
        parentId: "root",
        path: "api/quick",
        module: {
          loader: ({ request }: { request: Request }) => {
            seen.finishedSignal = request.signal;
            return Response.json({ ok: true });
          },
        },
      },
    },
  };
  const app = express();
  app.use(apiFastPath(build, () => ({})));
  const listening = app.listen(0, "127.0.0.1");
  afterAll(() => listening.close());
  const url = (p: string) => `http://127.0.0.1:${(listening.address() as AddressInfo).port}${p}`;

  it("is aborted when the client goes away before the answer", async () => {
    const client = new AbortController();
    const pending = fetch(url("/api/slow"), { signal: client.signal }).catch((error: Error) => error.name);
    await new Promise((r) => setTimeout(r, 200));
    client.abort();
    expect(await pending).toBe("AbortError");
    for (let i = 0; i < 50 && seen.aborted === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.aborted).toBe(true);
  });

  it("is not aborted once the answer has been sent", async () => {
    const res = await fetch(url("/api/quick"));
    expect(await res.json()).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.finishedSignal?.aborted).toBe(false);
  });
});
