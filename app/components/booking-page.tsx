// The page behind "choose a time and book" on a mediator's or committee's profile: who is being
// ordered, the two-week calendar, and the order form for parties. Visitors who may not order see the
// calendar only, with the way to sign in (and come back here) or a note that only parties order.
import type { SubmissionResult } from "@conform-to/react";
import { Link, useLocation } from "@remix-run/react";
import { dataLang, useLocale, useT } from "~/i18n";
import { Avatar } from "./avatar";
import { BookingForm } from "./booking-form";
import { HoldForm } from "./booking-hold";
import { Notice } from "./forms";
import { useUser } from "./session";
import { SlotList, type CalendarWindow, type SlotView } from "./slot-calendar";
import { formatCentreTime, formatSession } from "~/i18n/format";
import { WaitlistOffer } from "./waitlist-offer";

/**
 * The booking page's link from a profile, carrying the dispute type of the search the profile was
 * opened from (its `search` parameter, set by the result card) as `?category=`.
 */
export function bookingHref(base: string, profileSearch: string): string {
  const carried = new URLSearchParams(new URLSearchParams(profileSearch).get("search") ?? "").get("category");
  return carried && /^[a-z-]{1,40}$/.test(carried) ? `${base}?category=${carried}` : base;
}

export interface BookingSubject {
  kind: "mediator" | "committee";
  id: number;
  name: string;
  categories: string[];
  modes: string[];
  towns: string[];
}

export function BookingPage({
  subject,
  window,
  slots,
  viewer,
  idempotencyKey,
  lastResult,
  hold,
  holdGone,
  category,
}: {
  subject: BookingSubject;
  window: CalendarWindow;
  slots: SlotView[];
  viewer: "anonymous" | "party" | "other";
  idempotencyKey: string;
  lastResult?: SubmissionResult<string[]> | null;
  /** The time held for this browser while its visitor signed in (issue 11). */
  hold: { start: string; end: string; expiresAt: string } | null;
  holdGone: boolean;
  /** The dispute type the search was about (`?category=`). */
  category: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const user = useUser();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const keep = category ? `&category=${category}` : "";
  const hrefFor = (from: string) => `${location.pathname}?from=${from}${keep}`;
  const profile = subject.kind === "committee" ? `/committees/${subject.id}` : `/mediators/${subject.id}`;
  const next = encodeURIComponent(here);
  return (
    <div className="book-page">
      <p className="back-link">
        <Link to={profile}>{t.book.back}</Link>
      </p>
      <header className="book-head">
        <Avatar name={subject.name} seed={subject.id + (subject.kind === "committee" ? 3 : 0)} />
        <div>
          <h1>
            {subject.kind === "committee" ? t.book.headingCommittee : t.book.heading}
            <span className="book-subject" lang={dataLang(locale)}>
              {subject.name}
            </span>
          </h1>
        </div>
      </header>
      <p className="lead">{subject.kind === "committee" ? t.book.committeeIntro : t.book.intro}</p>

      {hold ? (
        <Notice kind="info">{t.journey.held(formatSession(hold.start, hold.end, locale), formatCentreTime(hold.expiresAt, locale))}</Notice>
      ) : null}
      {holdGone ? <Notice kind="info">{t.journey.holdGone}</Notice> : null}

      {viewer === "party" ? (
        <BookingForm
          slots={slots}
          window={window}
          hrefFor={hrefFor}
          offeredModes={subject.modes}
          offeredTowns={subject.towns}
          categories={subject.categories}
          idempotencyKey={idempotencyKey}
          lastResult={lastResult}
          defaultStart={hold?.start}
          defaultCategory={category}
        />
      ) : viewer === "anonymous" ? (
        <>
          <HoldForm slots={slots} window={window} hrefFor={hrefFor} category={category} lastResult={lastResult} />
          <p className="small">
            {t.book.noAccount} <Link to={`/register?next=${next}`}>{t.book.register}</Link> ·{" "}
            <Link to={`/login?next=${next}`}>{t.book.loginToBook}</Link>
          </p>
        </>
      ) : (
        <>
          <Notice kind="info">{t.book.partiesOnly(user ? t.roles[user.role] : "")}</Notice>
          <SlotList slots={slots} window={window} hrefFor={hrefFor} />
        </>
      )}
      <WaitlistOffer subject={subject} viewer={viewer} window={window} />
    </div>
  );
}
