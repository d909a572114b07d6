// What the mediation agreement document (人民调解协议书) says, read from the case's rows, for those who
// may see the case (its parties, its mediator, staff, or the respondent with the invitation code). The
// document itself is drawn by app/documents; the QR code opens the case's verification page.
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { agreements, caseParties, cases, committees, instalments, mediators, obligations } from "../../db/schema";
import { CENTRE_TIMEZONE } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import type { AgreementDocument } from "../documents/agreement-pdf.server";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { caseForUser, respondentByCode } from "./cases.server";
import { DomainError } from "./errors";

const CENTRE = "普陀区社会治理综合服务中心";
const date = (ms: number) => localDateInZone(ms, CENTRE_TIMEZONE);

export function agreementDocument({ user, code, caseId }: { user?: User; code?: string; caseId: number }): AgreementDocument {
  const db = getDb();
  if (code) respondentByCode(db, caseId, code);
  else if (user) caseForUser(db, user, caseId);
  else throw new DomainError("forbidden", "Sign in or give the invitation code");
  return documentOf(db, caseId);
}

function documentOf(tx: Db | Tx, caseId: number): AgreementDocument {
  const c = tx.select().from(cases).where(eq(cases.id, caseId)).get()!;
  const a = tx.select().from(agreements).where(eq(agreements.caseId, caseId)).get();
  if (!a) throw new DomainError("not_found", "This case has no agreement");
  const parties = tx.select().from(caseParties).where(eq(caseParties.caseId, caseId)).orderBy(asc(caseParties.id)).all();
  const nameOf = (side: "applicant" | "respondent") =>
    parties
      .filter((p) => p.side === side)
      .map((p) => p.name)
      .join("、");
  const mediator = c.mediatorId
    ? tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, c.mediatorId)).get()?.name
    : undefined;
  const committee = c.committeeId
    ? tx.select({ name: committees.name }).from(committees).where(eq(committees.id, c.committeeId)).get()?.name
    : undefined;
  const obs = tx.select().from(obligations).where(eq(obligations.agreementId, a.id)).orderBy(asc(obligations.id)).all();
  return {
    caseNumber: c.number ?? "",
    signedDate: date(a.madeAt),
    effectiveDate: a.effectiveAt ? date(a.effectiveAt) : undefined,
    committeeName: committee ?? "普陀区人民调解委员会",
    centreName: CENTRE,
    mediatorName: mediator ?? "",
    applicants: parties.filter((p) => p.side === "applicant").map((p) => ({ name: p.name })),
    respondents: parties.filter((p) => p.side === "respondent").map((p) => ({ name: p.name })),
    facts: a.facts,
    responsibility: a.responsibility || "经调解，双方对争议事项及各自责任协商一致。",
    obligations: obs.map((o) => {
      const due = tx
        .select()
        .from(instalments)
        .where(and(eq(instalments.obligationId, o.id)))
        .orderBy(asc(instalments.seq))
        .all();
      const yuan = (fen: number | null) => (fen === null ? undefined : fen / 100);
      return {
        obligor: nameOf(o.obligor),
        obligee: nameOf(o.obligor === "applicant" ? "respondent" : "applicant"),
        description: o.description,
        amountYuan: yuan(o.amountFen),
        method: o.method ?? undefined,
        place: o.place ?? undefined,
        ...(due.length > 1
          ? { instalments: due.map((d) => ({ dueDate: d.dueOn, amountYuan: yuan(d.amountFen) ?? 0 })) }
          : { dueDate: due[0]?.dueOn }),
      };
    }),
    copies: parties.length + 1,
    verifyUrl: `${env().PUBLIC_URL}/verify/${encodeURIComponent(c.number ?? String(c.id))}`,
  };
}
