// The browser's English catalogue: app/entry.client.tsx imports this (dynamically) on an en page. ADR 033.
import { messages } from "./messages";

export const words = messages.en;
