// The helper that starts the installed Meilisearch binary for tests: what it finds, and that a server it
// starts listens on 127.0.0.1 only, wants its master key, and is gone (process and data) after stop().
import fs from "node:fs";
import os from "node:os";
import { findMeiliBinary, startMeili } from "./meili-server";

const found = findMeiliBinary();
const missing = "missing" in found ? found.missing : undefined;

describe("findMeiliBinary", () => {
  const saved = { bin: process.env.MEILI_BIN, path: process.env.PATH };
  afterEach(() => {
    process.env.MEILI_BIN = saved.bin;
    process.env.PATH = saved.path;
    if (saved.bin === undefined) delete process.env.MEILI_BIN;
  });

  it("says why when MEILI_BIN is not a working binary", () => {
    process.env.MEILI_BIN = "/nonexistent/meilisearch";
    expect(findMeiliBinary()).toEqual({ missing: expect.stringMatching(/^\/nonexistent\/meilisearch --version failed: .*ENOENT/) });
  });

  it("says why when there is none on PATH either", () => {
    delete process.env.MEILI_BIN;
    process.env.PATH = os.tmpdir();
    expect(findMeiliBinary()).toEqual({ missing: "no Meilisearch binary (set MEILI_BIN or put meilisearch on PATH)" });
  });
});

describe.skipIf(Boolean(missing))(`startMeili${missing ? ` (skipped: ${missing})` : ""}`, () => {
  it("starts the installed binary on 127.0.0.1 with a master key, and stop() leaves nothing behind", async () => {
    const server = await startMeili();
    const { hostname, port } = new URL(server.url);
    expect(hostname).toBe("127.0.0.1");
    expect(Number(port)).toBeGreaterThan(0);
    expect(server.key.length).toBeGreaterThanOrEqual(16);
    expect(server.binary.version).toMatch(/^meilisearch \d+\.\d+\.\d+/);

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/indexes`)).status).toBe(401);
    expect((await fetch(`${server.url}/indexes`, { headers: { Authorization: `Bearer ${server.key}` } })).status).toBe(200);

    expect(fs.existsSync(server.dir)).toBe(true);
    await server.stop();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(fs.existsSync(server.dir)).toBe(false);
    await server.stop(); // twice is harmless
  });
});
