// express and compression ship no types and @types/* are not installed; server/http.mjs types the parts
// of Express's request and response the server uses.
declare module "express";
declare module "compression";

// React 18's web-streams renderer, which app/entry.server.tsx uses instead of the Node one (ADR 009);
// @types/react-dom declares it only under "react-dom/server".
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
