// The work queue follows the fallback's own steps (ADR 021, ADR 022): a case filed with a pick waits for no
// one while the pick is asked; the pick declines and, with no other pick and no automatic assignment, the
// case shows as pick-declined; a party's recusal request shows beside it; staff route it to the general
// mediation window and it shows there. Everything through the models, on one injected clock.
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./setup-db";
import { call } from "./call";
import { openDb, writeTransaction } from "../../db/client";
import { createMediator, createParty, createStaff } from "../factories";

const db = openDb(freshDatabase());
const casesRoute = await import("~/routes/api.v1.cases");
const { workQueue, workQueueQuerySchema } = await import("~/models/work-queue.server");
const { startCases } = await import("~/models/assignment-flow.server");
const { declineCase, routeToGeneralWindow } = await import("~/models/assignment-staff.server");
const { getDb } = await import("~/db.server");

const staff = createStaff(db);

describe("the queue and the fallback's steps", () => {
  it("asked: nothing; declined with nothing left: pick-declined; at the general window: general-window", async () => {
    const now = Date.now();
    const m = createMediator(db, { categories: ["marriage-family"], modes: ["online"], account: true, now });
    const party = createParty(db);
    const filed = await call(casesRoute, "/api/v1/cases", {
      method: "POST",
      token: party.token,
      body: {
        category: "marriage-family",
        description: "离婚后子女探视时间安排发生争议。",
        town: "zhanmao",
        respondents: [{ name: "示例 张某", phone: "13800000301" }],
        picks: [m.id],
      },
    });
    expect(filed.status).toBe(201);
    const caseId: number = filed.body.id;
    const reasons = (at: number) =>
      workQueue({ user: staff.user, query: workQueueQuerySchema.parse({ category: "marriage-family", town: "zhanmao" }), now: at })
        .items.filter((i) => i.caseId === caseId)
        .map((i) => i.reason);

    // Filed and not yet started: no one asked.
    expect(reasons(now)).toEqual(["no-mediator"]);
    // The job asks the pick (a booking at their first free time, a case_assignments row).
    await writeTransaction(getDb(), (tx) => startCases(tx, now));
    expect(reasons(now)).toEqual([]);

    // The pick declines; no other pick, the category is not automatic: the case waits for staff.
    await declineCase({ user: m.account!.user, caseId, reason: "近期出差，无法接待", now: now + 1000 });
    expect(reasons(now + 2000)).toEqual(["pick-declined"]);

    // Staff send it to the general mediation window, the last fallback.
    await routeToGeneralWindow({ user: staff.user, caseId, now: now + 3000 });
    expect(reasons(now + 4000)).toEqual(["general-window"]);
  });
});
