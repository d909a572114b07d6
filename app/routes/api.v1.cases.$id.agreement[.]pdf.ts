// The mediation agreement document as a PDF, for those who may see the case (or the respondent with
// `?code=`). Drawn on request from the case's rows (app/documents).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderAgreementPdf } from "~/documents/agreement-pdf.server";
import { agreementDocument } from "~/models/case-agreement.server";
import { apiError, notFound, parseId } from "~/utils/api.server";
import { handleApi } from "~/utils/api-handler.server";
import { getAuth } from "~/utils/auth.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleApi(async () => {
    const id = parseId(params.id);
    if (id === null) return notFound("Case");
    const code = new URL(request.url).searchParams.get("code") ?? undefined;
    const auth = getAuth(request);
    if (!auth && !code) return apiError(401, "unauthorized", "Sign in or send a bearer token");
    const doc = agreementDocument({ user: auth?.user, code: auth ? undefined : code, caseId: id });
    const pdf = await renderAgreementPdf(doc);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="agreement-${id}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
