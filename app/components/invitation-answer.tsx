// The respondent's answer, as one plain POST form: the required "I have read this" box, then three
// choices, each with its own submit button (`choice`): accept the applicant's pick, rank the shortlist
// (a number select per mediator; "not acceptable" strikes), or decline, which first asks to confirm.
// Without JavaScript the server renders every error at once, next to its field, and what was chosen
// stays chosen.
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { dataLang, useLocale, useT } from "~/i18n";
import type { InvitationPage } from "~/models/case-queue.server";
import { AboutMediation } from "./invitation-parts";
import { ErrorSummary, FieldErrors, SubmitButton } from "./forms";

export type AnswerReply = { intent: "answer"; result: SubmissionResult<string[]>; confirmRefuse?: boolean } | undefined;

const errorsOf = (result: SubmissionResult<string[]> | undefined, name: string) => result?.error?.[name] ?? null;

export function AnswerForm({ page, action, reply }: { page: InvitationPage; action: string; reply: AnswerReply }) {
  const t = useT();
  const lang = dataLang(useLocale());
  const navigation = useNavigation();
  const pending = (choice: string) => navigation.state === "submitting" && navigation.formData?.get("choice") === choice;
  const result = reply?.result;
  const typed = (result?.initialValue ?? {}) as Record<string, unknown>;
  const informedErrors = errorsOf(result, "informed");
  const rankingErrors = errorsOf(result, "ranking");
  const { pick, shortlist, can } = page;
  const rankIds = shortlist.map((m) => `rank-${m.id}`);
  let n = 0;
  return (
    <Form method="post" action={action} className="answer-form" noValidate>
      <input type="hidden" name="intent" value="answer" />
      <ErrorSummary
        id="answer-summary"
        focusKey={result}
        formErrors={result?.error?.[""]}
        items={[
          { id: "informed", label: t.invitation.informedLabel, errors: informedErrors },
          { id: rankIds[0] ?? "informed", label: t.invitation.rankLegend, errors: rankingErrors },
          ...shortlist.map((m, i) => ({ id: rankIds[i], label: t.invitation.rankLabel(m.name), errors: errorsOf(result, rankIds[i]) })),
        ]}
      />
      <section className="panel" aria-labelledby="about-heading">
        <AboutMediation />
        {page.party.informed ? (
          <p className="informed-done">✓ {t.invitation.informedDone}</p>
        ) : (
          <div className={`informed-box${informedErrors ? " has-error" : ""}`}>
            <input type="hidden" name="askedInformed" value="1" />
            <label className="check-large">
              <input
                type="checkbox"
                id="informed"
                name="informed"
                value="on"
                defaultChecked={typed.informed === "on"}
                aria-required="true"
                aria-invalid={informedErrors ? true : undefined}
                aria-describedby={informedErrors ? "informed-error" : undefined}
              />
              <span>{t.invitation.informedLabel}</span>
            </label>
            <FieldErrors id="informed-error" errors={informedErrors} />
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="choose-heading">
        <h2 id="choose-heading">{t.invitation.chooseHeading}</h2>
        <p>{t.invitation.chooseIntro}</p>
        {can.accept && pick ? (
          <section className="choice-card" aria-labelledby="accept-heading">
            <h3 id="accept-heading">{t.invitation.acceptHeading(++n)}</h3>
            <p>{t.invitation.acceptText}</p>
            <p className="pick">
              <strong lang={lang}>{pick.name}</strong>
              <span className="muted" lang={lang}>
                {pick.title}
              </span>
              <Link to={`/mediators/${pick.id}`} rel="noreferrer">
                {t.invitation.profileLink(pick.name)}
              </Link>
            </p>
            <SubmitButton name="choice" value="accept" pending={pending("accept")} label={t.invitation.acceptButton(pick.name)} />
          </section>
        ) : null}
        {can.rank ? (
          <section className="choice-card" aria-labelledby="rank-heading">
            <h3 id="rank-heading">{t.invitation.rankHeading(++n)}</h3>
            <p id="rank-intro">{t.invitation.rankIntro}</p>
            <FieldErrors id="ranking-error" errors={rankingErrors} />
            <ul className="rank-list">
              {shortlist.map((m, i) => {
                const id = rankIds[i];
                const errors = errorsOf(result, id);
                return (
                  <li key={m.id} className="rank-row">
                    <label htmlFor={id} className="rank-name">
                      <span lang={lang}>{m.name}</span>
                      <span className="small muted" lang={lang}>
                        {m.title}
                      </span>
                    </label>
                    <Link to={`/mediators/${m.id}`} rel="noreferrer" className="small rank-profile">
                      {t.invitation.profileLink(m.name)}
                    </Link>
                    <select
                      id={id}
                      name={id}
                      defaultValue={typeof typed[id] === "string" ? (typed[id] as string) : ""}
                      aria-label={t.invitation.rankLabel(m.name)}
                      aria-invalid={errors ? true : undefined}
                      aria-describedby={errors ? `${id}-error` : "rank-intro"}
                    >
                      <option value="">{t.invitation.rankBlank}</option>
                      {shortlist.map((_, r) => (
                        <option key={r} value={String(r + 1)}>
                          {t.invitation.rankOption(r + 1)}
                        </option>
                      ))}
                    </select>
                    <FieldErrors id={`${id}-error`} errors={errors} />
                  </li>
                );
              })}
            </ul>
            <SubmitButton name="choice" value="rank" pending={pending("rank")} label={t.invitation.rankButton} />
          </section>
        ) : null}
        {can.refuse ? (
          <section className="choice-card" aria-labelledby="refuse-heading">
            <h3 id="refuse-heading">{t.invitation.refuseHeading(++n)}</h3>
            <p>{t.invitation.refuseIntro}</p>
            <SubmitButton
              name="choice"
              value="refuse-ask"
              pending={pending("refuse-ask")}
              className="button button-danger"
              label={t.invitation.refuseButton}
            />
          </section>
        ) : null}
      </section>
    </Form>
  );
}

/** The second step of declining: nothing is recorded until this is pressed. */
export function ConfirmRefuse({ action, informed }: { action: string; informed: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <section className="panel confirm-refuse" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t.invitation.confirmHeading}</h2>
      <p>{t.invitation.confirmText}</p>
      <Form method="post" action={action} className="confirm-actions">
        <input type="hidden" name="intent" value="answer" />
        {informed ? <input type="hidden" name="informed" value="on" /> : null}
        <SubmitButton
          name="choice"
          value="refuse"
          pending={navigation.state === "submitting"}
          className="button button-danger"
          label={t.invitation.confirmButton}
        />
        <Link to={action} className="button">
          {t.invitation.confirmBack}
        </Link>
      </Form>
    </section>
  );
}

/** After the mediator was agreed on, before mediation starts: the respondent may still decline. */
export function StopMediation({ action }: { action: string }) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <section className="panel" aria-labelledby="stop-heading">
      <h2 id="stop-heading">{t.invitation.stopHeading}</h2>
      <p>{t.invitation.refuseIntro}</p>
      <Form method="post" action={action}>
        <input type="hidden" name="intent" value="answer" />
        <SubmitButton
          name="choice"
          value="refuse-ask"
          pending={navigation.state === "submitting"}
          className="button button-danger"
          label={t.invitation.refuseButton}
        />
      </Form>
    </section>
  );
}

/** A plain POST form: the rated and acknowledged steps after an agreement. */
export function StepForm({ action, intent, children }: { action: string; intent: string; children: React.ReactNode }) {
  return (
    <Form method="post" action={action} className="step-form">
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}
