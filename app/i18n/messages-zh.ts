// The browser's Chinese catalogue: app/entry.client.tsx imports this (dynamically) on a zh page. ADR 033.
import { messages } from "./messages";

export const words = messages.zh;
