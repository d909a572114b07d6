// express and compression ship no types and @types/* are not installed; server/http.mjs types the parts
// of Express's request and response the server uses.
declare module "express";
declare module "compression";
