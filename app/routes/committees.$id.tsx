// A mediation committee: what it handles, what its members offer together, its own record (the cases
// ordered through it, last 12 months), and the members (chair first), each linking to their profile.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Avatar } from "~/components/avatar";
import { useCommitteeName } from "~/components/committee-name";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FacetTags } from "~/components/facet-values";
import { BookingPanel, ProfileService, StickyBooking } from "~/components/profile-parts";
import { backToSearchHref } from "~/components/search-url";
import { bookingHref } from "~/components/booking-page";
import { CategoryRecordLine, RecordFigures, RecordLine } from "~/components/record";
import { KIND_LABELS } from "../../domain";
import { dataLang, localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { getCommittee } from "~/models/mediators.server";
import { profileCategory } from "~/models/records.server";
import { idOr404 } from "~/utils/api.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  // The page is the edge: it reads the clock once, for the record's 12 months. `?category=` (set by a
  // search card when the search filtered one category) adds the record in it; an unknown one is ignored.
  const committee = getCommittee({
    id: idOr404(params.id),
    now: Date.now(),
    category: profileCategory(new URL(request.url).searchParams.get("category")),
  });
  if (!committee) throw new Response(null, { status: 404 });
  return { committee };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = messages[localeFromMatches(matches)];
  if (!data) return [{ title: `${t.meta.notFound} · ${t.siteName}` }, { name: "description", content: t.pages.description.notFound }];
  const name = t.pages.committeeNames[data.committee.name] ?? data.committee.name;
  return [{ title: `${name} · ${t.siteName}` }, { name: "description", content: t.pages.description.committee(name) }];
};

export default function CommitteePage() {
  const { committee: c } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const lang = dataLang(locale);
  const name = useCommitteeName()(c.name);
  const { search } = useLocation();
  const back = backToSearchHref(search, "/search?kind=committee");
  // The dispute type the profile was opened for (its `?category=`, else the carried search's) goes on to the booking form.
  const bookHref = c.categoryRecord
    ? `/committees/${c.id}/book?category=${c.categoryRecord.category}`
    : bookingHref(`/committees/${c.id}/book`, search);
  const next = c.nextAvailableAt ? formatCentreTime(c.nextAvailableAt, locale) : null;
  return (
    <article className="profile" aria-labelledby="profile-name">
      <p className="back-link">
        <Link to={back}>← {t.pages.backToResults}</Link>
      </p>

      <header className="profile-head">
        <Avatar name={c.name} seed={c.id + 3} size="lg" />
        <div>
          <h1 id="profile-name">
            <span lang={name.lang}>{name.text}</span>
          </h1>
          <p className="profile-sub">
            <span className="kind-badge kind-committee">{t.committee.kind}</span>
          </p>
          {c.organisation ? (
            <p className="profile-org">
              {t.committee.organisation}
              {t.colon}
              <span lang={lang}>{c.organisation}</span>
            </p>
          ) : null}
          <RecordLine stats={c.stats} mediated={c.record?.mediated} />
          {c.categoryRecord ? <CategoryRecordLine record={c.categoryRecord} /> : null}
        </div>
      </header>

      <div className="profile-grid">
        <div className="profile-main">
          <section aria-labelledby="about-heading" className="panel">
            <h2 id="about-heading">{t.committee.description}</h2>
            <p className="bio" lang={lang}>
              {c.description}
            </p>
            <h3 className="subheading">{t.committee.categories}</h3>
            <FacetTags facet="category" values={c.categories} />
          </section>

          <ProfileService
            modes={c.modes}
            towns={c.towns}
            languages={c.languages}
            heading={t.committee.service}
            note={t.committee.serviceNote}
          />

          <section aria-labelledby="members-heading" className="panel">
            <h2 id="members-heading">{t.committee.members(c.members.length)}</h2>
            <ul className="members">
              {c.members.map((m) => (
                <li key={m.id} className="member">
                  <Avatar name={m.name} seed={m.id} size="sm" />
                  <div className="member-body">
                    <p className="member-name">
                      <Link to={`/mediators/${m.id}`} lang={lang}>
                        {m.name}
                      </Link>{" "}
                      <span className={`role-badge${m.role === "chair" ? " role-chair" : ""}`}>
                        {m.role === "chair" ? t.profile.chair : t.profile.member}
                      </span>
                    </p>
                    <p className="member-sub">
                      {KIND_LABELS[m.kind][locale]}
                      {m.title !== KIND_LABELS[m.kind].zh ? (
                        <>
                          {" · "}
                          <span lang={lang}>{m.title}</span>
                        </>
                      ) : null}
                    </p>
                    <RecordLine stats={m.stats} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <div className="profile-side">
          <section aria-labelledby="record-heading" className="panel">
            <h2 id="record-heading">{t.committee.recordHeading}</h2>
            {c.record ? <RecordFigures record={c.record} /> : null}
          </section>
          <BookingPanel note={t.committee.bookingNote} href={bookHref} buttonLabel={t.book.profileButtonCommittee} />
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
