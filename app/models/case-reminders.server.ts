// Reminders to whoever owes an instalment, a few days before it is due (notification outbox). The
// background job runs this; each instalment is reminded once (`reminded_at`), so several processes
// running it side by side send one reminder.
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { agreements, caseParties, cases, instalments, obligations } from "../../db/schema";
import { CENTRE_TIMEZONE } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { notifyContact, notifyUser } from "./notifications.server";

/** How many days before an instalment is due its obligor is reminded. */
export const REMIND_DAYS_BEFORE = 3;

/** Instalments due within the reminder window, unpaid and not yet reminded. A read. */
export function dueReminders(db: Db | Tx, now: number) {
  const until = localDateInZone(now + REMIND_DAYS_BEFORE * 86_400_000, CENTRE_TIMEZONE);
  return db
    .select({
      id: instalments.id,
      dueOn: instalments.dueOn,
      amountFen: instalments.amountFen,
      obligor: obligations.obligor,
      description: obligations.description,
      caseId: cases.id,
      number: cases.number,
    })
    .from(instalments)
    .innerJoin(obligations, eq(obligations.id, instalments.obligationId))
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(and(isNull(instalments.result), isNull(instalments.remindedAt), lte(instalments.dueOn, until)))
    .limit(200)
    .all();
}

/** Inside a write transaction: remind each obligor once; returns how many instalments were reminded. */
export function sendFulfilmentReminders(tx: Db | Tx, now: number): number {
  let sent = 0;
  for (const r of dueReminders(tx, now)) {
    const claimed = tx
      .update(instalments)
      .set({ remindedAt: now })
      .where(and(eq(instalments.id, r.id), isNull(instalments.remindedAt)))
      .run();
    if (claimed.changes !== 1) continue;
    sent++;
    const message = {
      template: "case.instalment-due" as const,
      params: {
        caseId: r.caseId,
        number: r.number,
        dueOn: r.dueOn,
        amountYuan: r.amountFen === null ? null : r.amountFen / 100,
        description: r.description,
      },
      at: now,
    };
    for (const p of tx
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.caseId, r.caseId), eq(caseParties.side, r.obligor)))
      .all()) {
      if (p.userId) notifyUser(tx, p.userId, message);
      else if (p.phone) notifyContact(tx, { phone: p.phone, locale: "zh" }, message);
    }
  }
  return sent;
}
