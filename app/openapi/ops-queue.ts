// The queue operations of /api/v1 (issue 9), listed in the description's table (./document.server.ts).
import type { Operation } from "./document.server";

export function queueOperations(_now: number): Operation[] {
  return [];
}
