// A mediator's profile: who they are, what they handle, where and how they mediate, and their record.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Avatar } from "~/components/avatar";
import { CommitteeName } from "~/components/committee-name";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FacetTags } from "~/components/facet-values";
import { FreeOfCharge } from "~/components/free-of-charge";
import { BookingPanel, ProfileService, StickyBooking } from "~/components/profile-parts";
import { backToSearchHref } from "~/components/search-url";
import { bookingHref } from "~/components/booking-page";
import { CategoryRecordLine, RecordFigures, RecordLine } from "~/components/record";
import { KIND_LABELS } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getMediator } from "~/models/mediators.server";
import { profileCategory } from "~/models/records.server";
import { idOr404 } from "~/utils/api.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  // The page is the edge: it reads the clock once, for the record's 12 months. `?category=` (set by a
  // search card when the search filtered one category) adds the record in it; an unknown one is ignored.
  const mediator = getMediator({
    id: idOr404(params.id),
    now: Date.now(),
    category: profileCategory(new URL(request.url).searchParams.get("category")),
  });
  if (!mediator) throw new Response(null, { status: 404 });
  return { mediator };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const t = messages[locale];
  if (!data) return [{ title: `${t.meta.notFound} · ${t.siteName}` }, { name: "description", content: t.pages.description.notFound }];
  const m = data.mediator;
  return [
    { title: `${m.name}（${KIND_LABELS[m.kind][locale]}） · ${t.siteName}` },
    { name: "description", content: t.pages.description.mediator(m.name, KIND_LABELS[m.kind][locale]) },
  ];
};

export default function MediatorPage() {
  const { mediator: m } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const { search } = useLocation();
  const back = backToSearchHref(search);
  // The dispute type the profile was opened for (its `?category=`, else the carried search's) goes on to the booking form.
  const bookHref = m.categoryRecord
    ? `/mediators/${m.id}/book?category=${m.categoryRecord.category}`
    : bookingHref(`/mediators/${m.id}/book`, search);
  const next = m.nextAvailableAt ? formatCentreTime(m.nextAvailableAt, locale) : null;
  return (
    <article className="profile" aria-labelledby="profile-name">
      <p className="back-link">
        <Link to={back}>← {t.pages.backToResults}</Link>
      </p>

      <header className="profile-head">
        <Avatar name={m.name} seed={m.id} size="lg" />
        <div>
          <h1 id="profile-name">
            <span lang={lang}>{m.name}</span>
            <span className="pinyin" lang="zh-Latn-pinyin">
              {m.namePinyin}
            </span>
          </h1>
          <p className="profile-sub">
            <span className={`kind-badge kind-${m.kind}`}>{KIND_LABELS[m.kind][locale]}</span>
            {m.title !== KIND_LABELS[m.kind].zh ? <span lang={lang}>{m.title}</span> : null}
          </p>
          {m.organisation ? (
            <p className="profile-org" lang={lang}>
              {m.organisation}
            </p>
          ) : null}
          <RecordLine stats={m.stats} mediated={m.record?.mediated} />
          {m.categoryRecord ? <CategoryRecordLine record={m.categoryRecord} /> : null}
        </div>
      </header>

      <div className="profile-grid">
        <div className="profile-main">
          <section aria-labelledby="facts-heading" className="panel">
            <h2 id="facts-heading">{t.profile.facts}</h2>
            <dl className="facts">
              {m.organisation ? (
                <div>
                  <dt>{t.profile.organisation}</dt>
                  <dd lang={lang}>{m.organisation}</dd>
                </div>
              ) : null}
              {m.licenceNo ? (
                <div>
                  <dt>{t.profile.licence}</dt>
                  <dd>
                    <span className="mono">{m.licenceNo}</span> <span className="demo-note">（{t.profile.licenceNote}）</span>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t.profile.years}</dt>
                <dd>{t.profile.yearsValue(m.yearsOfExperience)}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="categories-heading" className="panel">
            <h2 id="categories-heading">{t.profile.categories}</h2>
            <FacetTags facet="category" values={m.categories} />
          </section>

          <ProfileService modes={m.modes} towns={m.towns} languages={m.languages} heading={t.profile.service} />

          {m.bio ? (
            <section aria-labelledby="bio-heading" className="panel">
              <h2 id="bio-heading">{t.profile.bio}</h2>
              <p className="bio" lang={lang}>
                {m.bio}
              </p>
            </section>
          ) : null}

          {m.committees.length > 0 ? (
            <section aria-labelledby="committees-heading" className="panel">
              <h2 id="committees-heading">{t.profile.committees}</h2>
              <ul className="link-list">
                {m.committees.map((c) => (
                  <li key={c.id}>
                    <Link to={`/committees/${c.id}`}>
                      <CommitteeName name={c.name} />
                    </Link>{" "}
                    <span className="role-badge">{c.role === "chair" ? t.profile.chair : t.profile.member}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <div className="profile-side">
          <section aria-labelledby="record-heading" className="panel">
            <h2 id="record-heading">{t.profile.recordHeading}</h2>
            {m.record ? <RecordFigures record={m.record} /> : null}
          </section>
          <BookingPanel note={t.profile.bookingNote} href={bookHref} buttonLabel={t.book.profileButton}>
            <p>{m.nextAvailableAt ? t.hit.nextAvailable(formatCentreTime(m.nextAvailableAt, locale)) : t.profile.noAvailability}</p>
            <FreeOfCharge />
          </BookingPanel>
          <p className="ask-to-mediate">
            <Link to={`/cases/new?pick=${m.id}`} className="button">
              {t.casePages.askToMediate}
            </Link>{" "}
            <span className="small muted">{t.casePages.askToMediateNote}</span>
          </p>
          <p className="small muted">{t.profile.demoNote}</p>
        </div>
      </div>
      <StickyBooking href={bookHref} next={next} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
