// /privacy: the personal-data notice people agree to when they open an account (issue 11, 个人信息保护法):
// what is collected, why, how long it is kept, who sees it, and the person's rights. Its version is
// recorded with each consent (CONSENT_VERSION), so a new wording gets a new version.
import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useT } from "~/i18n";
import { CONSENT_VERSION } from "~/models/otp-schemas";

export const loader = () => ({ version: CONSENT_VERSION });

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.privacy.title} · ${t.siteName}` }, { name: "description", content: t.privacy.sections[0].body }];
};

export default function PrivacyPage() {
  const t = useT();
  return (
    <div className="narrow-page">
      <h1>{t.privacy.title}</h1>
      <p className="muted small">{t.privacy.version(CONSENT_VERSION)}</p>
      {t.privacy.sections.map((s) => (
        <section key={s.heading} className="panel">
          <h2>{s.heading}</h2>
          <p>{s.body}</p>
        </section>
      ))}
      <p className="form-aside">
        <Link to="/account">{t.account.heading}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
