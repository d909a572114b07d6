import { defineConfig } from "drizzle-kit";
import { env } from "./config/env.mjs";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: env().DATABASE_PATH },
});
