// The whole catalogue, both languages, for the server (and for tests, which import modules directly).
// Remix empties `.server` modules in the browser bundle, so importing this from app/i18n/index.ts does
// not ship the catalogue to the browser: there, app/entry.client.tsx loads the page's language only
// (ADR 033).
export { messages as catalogue } from "./messages";
