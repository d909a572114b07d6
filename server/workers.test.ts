import { describe, expect, it } from "vitest";
import { parseEnv } from "../config/env.mjs";
import { workerCount } from "./workers.mjs";

describe("workerCount", () => {
  it("defaults to one process per core, at most four", () => {
    expect(workerCount({}, 1)).toBe(1);
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 16)).toBe(4);
  });

  it("takes WEB_CONCURRENCY when it is a whole number from 1 to 64", () => {
    expect(workerCount(parseEnv({ WEB_CONCURRENCY: "1" }), 8)).toBe(1);
    expect(workerCount(parseEnv({ WEB_CONCURRENCY: "12" }), 2)).toBe(12);
    for (const bad of ["0", "-1", "1.5", "abc", "65", ""]) expect(() => parseEnv({ WEB_CONCURRENCY: bad }), bad).toThrow(/WEB_CONCURRENCY/);
  });
});
