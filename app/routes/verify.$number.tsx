// /verify/:number: where the QR code on a mediation agreement leads (普调〔2026〕00123号, URL-encoded).
// Says whether the centre holds an agreement with that case number, when it was made, whether it took
// effect and whether a court confirmed it. No names, no phones, nothing else about the people.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useT } from "~/i18n";
import { verifyAgreement } from "~/models/case-queue.server";

export async function loader({ params }: LoaderFunctionArgs) {
  // Remix hands the segment decoded; anything absurdly long is simply not a case number.
  const number = (params.number ?? "").trim().slice(0, 40);
  const agreement = number ? verifyAgreement({ number }) : null;
  return agreement ? { number, agreement } : data({ number, agreement: null }, { status: 404 });
}

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.verify },
    { title: `${t.verify.title} · ${t.siteName}` },
    { name: "robots", content: "noindex" },
  ];
};

export default function VerifyPage() {
  const { number, agreement: a } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="verify-page">
      <h1>{t.verify.heading}</h1>
      <p className="lead">{t.verify.intro}</p>
      <section className="panel" aria-labelledby="verify-result">
        <h2 id="verify-result" className={a ? "verify-found" : "verify-missing"}>
          {a ? `✓ ${t.verify.found}` : t.verify.notFound}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t.verify.number}</dt>
            <dd className="case-number">{a?.number ?? number}</dd>
          </div>
          {a ? (
            <>
              <div>
                <dt>{t.verify.signedOn}</dt>
                <dd>{a.signedOn}</dd>
              </div>
              <div>
                <dt>{t.verify.effective}</dt>
                <dd>{a.effective && a.effectiveOn ? t.verify.effectiveYes(a.effectiveOn) : t.verify.effectiveNo}</dd>
              </div>
              <div>
                <dt>{t.verify.confirmation}</dt>
                <dd>
                  {a.confirmation === "confirmed"
                    ? t.verify.confirmationConfirmed(a.decidedOn ?? "")
                    : a.confirmation === "rejected"
                      ? t.verify.confirmationRejected(a.decidedOn ?? "")
                      : a.confirmation === "applied"
                        ? t.verify.confirmationApplied
                        : t.verify.confirmationNone}
                </dd>
              </div>
            </>
          ) : null}
        </dl>
      </section>
      <p className="small muted">{t.verify.help}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
