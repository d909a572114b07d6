// What the case tests share: a step posted to a case's route, the invitation code the dev provider's
// outbox sent a respondent, and the text of an agreement PDF (pdf.js, as a reader would extract it).
import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Db } from "../../db/client";
import { notifications } from "../../db/schema";
import { call } from "./call";

/** POST `body` to the case step `mod` of case `id` (the route reads the id from its params). */
export const postStep = (mod: Parameters<typeof call>[0], id: number, body: unknown, token?: string) =>
  call(mod, `/api/v1/cases/${id}/step`, { method: "POST", params: { id: String(id) }, body, token });

/** The invitation code sent to this phone for this case. */
export function codeSentTo(db: Db, phone: string, caseId: number): string {
  const row = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.to, phone), eq(notifications.template, "case.invitation")))
    .all()
    .find((n) => n.params?.caseId === caseId);
  return String(row!.params!.code);
}

/** Every page's text of a PDF answer, joined. */
export async function pdfText(res: Response): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(await res.arrayBuffer()), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = "";
  for (let n = 1; n <= doc.numPages; n++)
    text += (await (await doc.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  await doc.destroy();
  return text;
}
