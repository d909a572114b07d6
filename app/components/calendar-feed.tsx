// The calendar feed's section on /account (issue 11): for a mediator, what a feed is and the way to the
// page that makes, shows once and turns off its private address (/calendar/feed).
import { Link } from "@remix-run/react";
import { useT } from "~/i18n";
import type { Role } from "~/models/auth.server";

export function CalendarFeedSection({ role }: { role: Role }) {
  const t = useT();
  if (role !== "mediator") return null;
  return (
    <section className="panel" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t.calendarFeed.heading}</h2>
      <p>{t.calendarFeed.intro}</p>
      <p>
        <Link to="/calendar/feed" className="button">
          {t.calendarFeed.manage}
        </Link>
      </p>
    </section>
  );
}
