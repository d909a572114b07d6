// The assignment operations of /api/v1 (issue 9), listed in the description's table (./document.server.ts).
import type { Operation } from "./document.server";

export function assignmentOperations(_now: number): Operation[] {
  return [];
}
