// The configuration for app code: the one schema lives in config/env.mjs (shared with server.mjs, db/,
// search/ and scripts/), re-exported here so routes and models keep importing `env` from the app.
export { env, type Env } from "../config/env.mjs";
