// The plain-words parts of the respondent's invitation page: what people's mediation is, what happens
// next, the other routes (arbitration, litigation, the centre's window) and the code form. No JavaScript
// needed anywhere: the code form is a GET form that puts the code in the address, as the text message's
// link does.
import { Form } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatSession } from "~/i18n/format";
import type { InvitationPage } from "~/models/case-queue.server";

export function AboutMediation() {
  const t = useT();
  return (
    <>
      <h2 id="about-heading">{t.invitation.aboutHeading}</h2>
      <p>{t.invitation.aboutIntro}</p>
      <ul className="about-mediation">
        {t.invitation.about.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

export function OtherRoutes() {
  const t = useT();
  return (
    <section className="panel invitation-routes" aria-labelledby="routes-heading">
      <h2 id="routes-heading">{t.invitation.routesHeading}</h2>
      <ul>
        {t.invitation.routes.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>{t.invitation.contactHeading}</h3>
      <address className="centre-contact">
        {t.invitation.contact.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </address>
      <p className="small muted">{t.invitation.contactNote}</p>
    </section>
  );
}

/** What happens next, in plain words, for where the case stands. */
export function NextSteps({ page }: { page: InvitationPage }) {
  const t = useT();
  const locale = useLocale();
  const name = page.case.mediator?.name ?? "";
  const session = page.sessions[0];
  const text =
    page.stage === "waiting-applicant"
      ? t.invitation.next.waitingApplicant
      : page.stage === "agreed"
        ? session
          ? t.invitation.next.agreedBooked(name, formatSession(session.start, session.end, locale))
          : t.invitation.next.agreed(name)
        : page.stage === "in-mediation"
          ? t.invitation.next.inMediation(name)
          : page.stage === "refused"
            ? t.invitation.next.refused
            : page.stage === "closed"
              ? page.case.outcome
                ? t.invitation.next.closedWith(t.caseWords.outcome[page.case.outcome])
                : t.invitation.next.closed
              : null;
  if (!text) return null;
  return (
    <section className="panel invitation-next" aria-labelledby="next-heading" id="next">
      <h2 id="next-heading">{t.invitation.nextHeading}</h2>
      <p>{text}</p>
    </section>
  );
}

export function CodeForm({ caseId, wrong }: { caseId: number; wrong: boolean }) {
  const t = useT();
  return (
    <section className="panel code-panel" aria-labelledby="code-heading">
      <h2 id="code-heading">{t.invitation.codeHeading}</h2>
      <p>{t.invitation.codeIntro}</p>
      {wrong ? (
        <div className="notice notice-error" role="alert" id="code-error">
          <p>{t.invitation.codeWrong}</p>
        </div>
      ) : null}
      <Form method="get" action={`/invitations/${caseId}`} className="code-form">
        <div className="field">
          <label htmlFor="code">{t.invitation.codeLabel}</label>
          <p className="field-hint" id="code-hint">
            {t.invitation.codeHint}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-describedby={wrong ? "code-hint code-error" : "code-hint"}
            aria-invalid={wrong || undefined}
            className="code-input"
          />
        </div>
        <button type="submit" className="button button-primary">
          {t.invitation.codeButton}
        </button>
      </Form>
    </section>
  );
}
