// What to bring to a session, for one dispute category (domain/centre.ts), in the page's language.
import { Link } from "@remix-run/react";
import { whatToBring } from "../../domain/centre";
import type { BookingView } from "~/models/booking-view";
import { FreeOfCharge } from "./free-of-charge";
import { useLocale, useT } from "~/i18n";

export function WhatToBring({ category, headingLevel = 2, id = "bring-heading" }: { category: string; headingLevel?: 2 | 3; id?: string }) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="what-to-bring" aria-labelledby={id}>
      <Heading id={id}>{t.bring.heading}</Heading>
      <ul>
        {whatToBring(category).map((item) => (
          <li key={item.zh}>{item[locale]}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The practical part of a booking page (issue 11): free of charge, what to bring, the printable slip,
 * the centre's address for a centre session, and the online room with its device test for a confirmed
 * online one. `roomUrl` comes from the loader, which gives it only to those who see the booking.
 */
export function BookingPractical({
  booking: b,
  roomUrl,
}: {
  booking: Pick<BookingView, "id" | "mode" | "status" | "category">;
  roomUrl: string | null;
}) {
  const t = useT();
  const held = b.status === "pending" || b.status === "confirmed";
  return (
    <section className="panel booking-practical" aria-labelledby="practical-heading">
      <h2 id="practical-heading">{t.bring.practical}</h2>
      <FreeOfCharge />
      {roomUrl ? (
        <div className="online-room">
          <h3>{t.online.roomHeading}</h3>
          <p>
            <a href={roomUrl} className="button button-primary" rel="noreferrer">
              {t.online.roomLink}
            </a>
          </p>
          <p className="small">{t.online.roomHint}</p>
        </div>
      ) : null}
      {b.mode === "online" && held ? (
        <p>
          <Link to="/online-test">{t.online.testLink}</Link>
        </p>
      ) : null}
      {b.mode === "centre" ? (
        <p>
          <Link to="/centre">{t.centre.title}</Link>
        </p>
      ) : null}
      <WhatToBring category={b.category} headingLevel={3} />
      {held ? (
        <p>
          <Link to={`/bookings/${b.id}/slip`} className="button">
            {t.slip.link}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
