// The page behind "choose a time and book" on a mediator's or committee's profile: who is being
// ordered, the two-week calendar, and the order form for parties. Visitors who may not order see the
// calendar only, with the way to sign in (and come back here) or a note that only parties order.
import type { SubmissionResult } from "@conform-to/react";
import { Link, useLocation } from "@remix-run/react";
import { dataLang, useLocale, useT } from "~/i18n";
import { Avatar } from "./avatar";
import { BookingForm } from "./booking-form";
import { Notice } from "./forms";
import { useUser } from "./session";
import { SlotList, type CalendarWindow, type SlotView } from "./slot-calendar";
import { WaitlistOffer } from "./waitlist-offer";

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
}: {
  subject: BookingSubject;
  window: CalendarWindow;
  slots: SlotView[];
  viewer: "anonymous" | "party" | "other";
  idempotencyKey: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const locale = useLocale();
  const user = useUser();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const hrefFor = (from: string) => `${location.pathname}?from=${from}`;
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
        />
      ) : (
        <>
          {viewer === "anonymous" ? (
            <div className="notice notice-info login-to-book">
              <p>{t.book.loginNote}</p>
              <p className="notice-actions">
                <Link className="button button-primary" to={`/login?next=${next}`}>
                  {t.book.loginToBook}
                </Link>
                <span>
                  {t.book.noAccount} <Link to={`/register?next=${next}`}>{t.book.register}</Link>
                </span>
              </p>
            </div>
          ) : (
            <Notice kind="info">{t.book.partiesOnly(user ? t.roles[user.role] : "")}</Notice>
          )}
          <SlotList slots={slots} window={window} hrefFor={hrefFor} />
        </>
      )}
      <WaitlistOffer subject={subject} viewer={viewer} window={window} />
    </div>
  );
}
