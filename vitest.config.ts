import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    globals: true,
    include: [
      "app/**/*.test.ts",
      "db/**/*.test.ts",
      "server/**/*.test.ts",
      "search/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/contract/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
