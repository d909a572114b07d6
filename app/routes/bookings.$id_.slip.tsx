// /bookings/:id/slip: the printable appointment slip (issue 11) — case number, time in words (Beijing
// time), place, mediator, what to bring and a QR code for the window. An HTML page with a print
// stylesheet rather than a PDF (ADR 025): it prints from any phone browser, follows the page language
// and the larger-text mode, and needs no font embedding. The same access as the booking page: its
// party, its mediator and staff; anyone else gets the 404 of a booking that is not there. The QR code
// holds only the booking page's address: staff scanning it sign in and see the booking; nothing
// personal is in the code itself.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CENTRE } from "../../domain/centre";
import { facetLabel } from "../../domain";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FreeOfCharge } from "~/components/free-of-charge";
import { WhatToBring } from "~/components/what-to-bring";
import { qrMatrix } from "~/documents/qr";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { whereText } from "~/i18n/booking-text";
import { formatSession } from "~/i18n/format";
import { roomWords } from "~/i18n/when";
import { getBooking } from "~/models/bookings.server";
import { bookingPageUrl } from "~/models/centre-info.server";
import { isDomainError } from "~/models/errors";
import { idOr404 } from "~/utils/api.server";
import { requirePageUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = requirePageUser(request);
  const id = idOr404(params.id);
  try {
    const booking = getBooking({ user: auth.user, id, now: Date.now() });
    const url = bookingPageUrl(booking.id);
    const qr = qrMatrix(url);
    return { booking, url, qr: { size: qr.size, runs: qr.runs } };
  } catch (error) {
    if (isDomainError(error, "not_found")) throw new Response(null, { status: 404 });
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [
    { name: "description", content: t.metaDescription.slip },
    { title: data ? `${t.slip.title(data.booking.caseNumber)} · ${t.siteName}` : t.siteName },
  ];
};

/** The QR code as vector rectangles (sharp when printed), with a 4-module quiet zone. */
function QrSvg({ size, runs, label }: { size: number; runs: [number, number, number][]; label: string }) {
  const box = size + 8;
  return (
    <svg viewBox={`0 0 ${box} ${box}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={box} height={box} fill="#fff" />
      {runs.map(([row, col, len]) => (
        <rect key={`${row}-${col}`} x={col + 4} y={row + 4} width={len} height={1} fill="#000" />
      ))}
    </svg>
  );
}

export default function SlipPage() {
  const { booking: b, url, qr } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const place =
    b.mode === "centre"
      ? [CENTRE.address[locale], b.room ? roomWords(b.room, locale) : null].filter(Boolean).join(" · ")
      : b.mode === "online"
        ? t.slip.onlineWhere
        : whereText(b, t, locale);
  return (
    <div className="slip-page">
      <p className="back-link no-print">
        <Link to={`/bookings/${b.id}`}>{t.slip.back}</Link>
      </p>
      <article className="slip" aria-labelledby="slip-heading">
        <div className="slip-top">
          <div>
            <h1 id="slip-heading">{t.slip.heading}</h1>
            <p className="muted">{t.centreName}</p>
            <FreeOfCharge compact />
          </div>
          <div className="slip-qr">
            <QrSvg size={qr.size} runs={qr.runs} label={t.slip.qrAlt(url)} />
            <p className="small">{t.slip.qr}</p>
          </div>
        </div>
        <dl className="facts">
          <div>
            <dt>{t.slip.caseNo}</dt>
            <dd>
              <strong>{b.caseNumber}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.slip.when}</dt>
            <dd>
              <strong>{formatSession(b.start, b.end, locale)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t.slip.where}</dt>
            <dd>{place}</dd>
          </div>
          {b.mode === "centre" ? (
            <div>
              <dt>{t.centre.entrance.replace(/[:：]\s*$/, "")}</dt>
              <dd>{CENTRE.entrance[locale]}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.slip.mediator}</dt>
            <dd lang={lang}>{b.mediatorName}</dd>
          </div>
          <div>
            <dt>{t.booking.category}</dt>
            <dd>{facetLabel("category", b.category, locale)}</dd>
          </div>
          <div>
            <dt>{t.slip.status}</dt>
            <dd>{t.status[b.status]}</dd>
          </div>
          <div>
            <dt>{t.centre.phone.replace(/[:：]\s*$/, "")}</dt>
            <dd>{CENTRE.phone}</dd>
          </div>
        </dl>
        <WhatToBring category={b.category} id="slip-bring-heading" />
      </article>
      <p className="no-print">
        {/* Printing is the browser's own menu; no script needed (the CSP allows no inline handlers). */}
        <span className="small muted">{t.slip.printHint}</span>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
