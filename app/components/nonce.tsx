// The request's Content-Security-Policy nonce (server/app.mjs makes one per request and puts it in the
// load context; app/entry.server.tsx provides it). Only the server render needs it: in the browser the
// scripts have already been allowed, so the client renders with "".
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
