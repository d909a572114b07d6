// The fallback's background steps across processes (ADR 021): three processes run the job's round at
// the same injected instant on one database file; the first pick is asked once, and when the clock
// passes its response window the expiry and the next ask happen once, whoever gets the lock first.
import { spawn } from "node:child_process";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { openDb } from "../../db/client";
import { bookings, caseAssignments } from "../../db/schema";
import { createMediator, createParty, retireDemoPool } from "../factories";

const file = freshDatabase();
const db = openDb(file);
const { fileCase } = await import("~/models/cases.server");
const { runJobsOnce } = await import("~/jobs.server");
const root = path.resolve(import.meta.dirname, "../..");
const NOW = Date.now();
beforeAll(() => retireDemoPool(db));

/** Another process's job round at `now` (the clock injected, as the timer would hand it). */
function roundInAnotherProcess(now: number): Promise<void> {
  const code = `const { runJobsOnce } = await import(${JSON.stringify(path.join(root, "app/jobs.server.ts"))}); await runJobsOnce(${now});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: file },
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (status) => (status === 0 ? resolve() : reject(new Error(`job round failed (${status}): ${stderr}`))));
  });
}

const attempts = (caseId: number) =>
  db.select().from(caseAssignments).where(eq(caseAssignments.caseId, caseId)).orderBy(asc(caseAssignments.id)).all();

describe("the job on several processes", () => {
  it("asks once, expires once and asks the next once", async () => {
    const picks = [0, 1].map(() => createMediator(db, { categories: ["tourism"], modes: ["online"], now: NOW }));
    const party = createParty(db, { now: NOW });
    const { id } = await fileCase({
      user: party.user,
      input: {
        category: "tourism",
        description: "旅行社擅自更改行程，要求赔偿",
        respondents: [{ name: "某旅行社" }],
        picks: picks.map((p) => p.id),
      },
      now: NOW,
    });
    await Promise.all([roundInAnotherProcess(NOW), roundInAnotherProcess(NOW), runJobsOnce(NOW)]);
    expect(attempts(id).map((r) => [r.pickRank, r.status])).toEqual([[1, "asked"]]);
    expect(db.select().from(bookings).where(eq(bookings.caseId, id)).all()).toHaveLength(1);

    const later = attempts(id)[0].respondBy! + 60_000;
    await Promise.all([roundInAnotherProcess(later), roundInAnotherProcess(later), runJobsOnce(later)]);
    expect(attempts(id).map((r) => [r.pickRank, r.status, r.mediatorId])).toEqual([
      [1, "expired", picks[0].id],
      [2, "asked", picks[1].id],
    ]);
    expect(
      db
        .select({ status: bookings.status })
        .from(bookings)
        .where(eq(bookings.caseId, id))
        .all()
        .map((b) => b.status)
        .sort(),
    ).toEqual(["expired", "pending"]);
  }, 60_000);
});
