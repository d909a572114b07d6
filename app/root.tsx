// The document: header (site and centre name, navigation, the signed-in user's links, language
// switch), main landmark, footer with the demo-data notice. `Layout` wraps both the app and the error boundary, so error pages keep
// the header and the language.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useNavigation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useFocusHeadingOnNavigation } from "~/components/focus-heading";
import { LargeTextToggle, largeTextFromCookie } from "~/components/large-text-toggle";
import { useNonce } from "~/components/nonce";
import { SkipLinks } from "~/components/skip-link";
import { CsrfInput, useUser } from "~/components/session";
import { localeFromMatches, messages, useLocale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getPageAuth } from "~/utils/session.server";
import stylesHref from "~/styles/app.css";

// Single fetch: loaders return plain objects, and useLoaderData's types follow from that.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = getPageAuth(request);
  const user = auth ? { id: auth.user.id, name: auth.user.name, role: auth.user.role, mediatorId: auth.user.mediatorId } : null;
  // The CSRF token is bound to the session secret: every page's POST forms carry it.
  const largeText = largeTextFromCookie(request.headers.get("Cookie"));
  return { locale: getLocale(request), user, csrfToken: auth?.csrfToken ?? "", largeText };
}

export const meta: MetaFunction = ({ matches, error }) => {
  const t = messages[localeFromMatches(matches)];
  if (error) {
    const notFound = isRouteErrorResponse(error) && error.status === 404;
    return [
      { title: `${notFound ? t.meta.notFound : t.meta.error} · ${t.siteName}` },
      { name: "description", content: notFound ? t.pages.description.notFound : t.pages.description.home },
    ];
  }
  return [{ title: t.siteName }];
};

function LanguageSwitch() {
  const t = messages[useLocale()];
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  const s = t.switchLanguage;
  return (
    <a
      className="lang-switch"
      href={`/lang/${s.to}?next=${encodeURIComponent(next)}`}
      hrefLang={s.toLang}
      lang={s.toLang}
      aria-label={s.label}
    >
      {/* A drawn icon, not the text "文/A": text inside the link would have to be part of its accessible
          name too (axe label-content-name-mismatch). */}
      <svg aria-hidden="true" className="lang-icon" viewBox="0 0 16 16" width="16" height="16">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <ellipse cx="8" cy="8" rx="2.8" ry="6.5" fill="none" stroke="currentColor" strokeWidth="1.1" />
        <path d="M1.5 8h13M2.6 4.6h10.8M2.6 11.4h10.8" stroke="currentColor" strokeWidth="1.1" />
      </svg>{" "}
      {s.text}
    </a>
  );
}

/** Where the visitor is, for "sign in and come back here" links. */
function useHere(): string {
  const location = useLocation();
  return `${location.pathname}${location.search}`;
}

function AccountNav() {
  const t = messages[useLocale()];
  const user = useUser();
  const here = useHere();
  if (!user) {
    const onAuthPage = here.startsWith("/login") || here.startsWith("/register");
    const next = onAuthPage || here === "/" ? "" : `?next=${encodeURIComponent(here)}`;
    return (
      <nav aria-label={t.nav.account} className="site-nav account-nav">
        <NavLink to={`/login${next}`}>{t.nav.login}</NavLink>
        <NavLink to={`/register${next}`}>{t.nav.register}</NavLink>
      </nav>
    );
  }
  return (
    <nav aria-label={t.nav.account} className="site-nav account-nav">
      {user.role === "party" ? <NavLink to="/bookings">{t.nav.myBookings}</NavLink> : null}
      {user.role === "mediator" ? <NavLink to="/dashboard">{t.nav.dashboard}</NavLink> : null}
      {user.role === "party" || user.role === "mediator" ? <NavLink to="/cases">{t.casePages.nav}</NavLink> : null}
      {user.role === "staff" || user.role === "admin" ? (
        <>
          <NavLink to="/bookings">{t.nav.allBookings}</NavLink>
          <NavLink to="/staff/queue">{t.workQueue.nav}</NavLink>
          <NavLink to="/staff/cases">{t.staffCases.title}</NavLink>
          <NavLink to="/staff/sea">{t.sea.nav}</NavLink>
          <NavLink to="/staff/panels">{t.panels.nav}</NavLink>
          <NavLink to="/staff/notifications">{t.nav.notifications}</NavLink>
          <NavLink to="/staff/dashboard">{t.centreStats.nav}</NavLink>
        </>
      ) : null}
      {user.role === "admin" ? <NavLink to="/admin/accounts">{t.nav.accounts}</NavLink> : null}
      {user.role === "admin" ? <NavLink to="/admin/roles">{t.personRoles.nav}</NavLink> : null}
      <NavLink to="/account" className="account-link" aria-label={t.nav.me(user.name)}>
        <span className="account-name">{user.name}</span>
      </NavLink>
      <Form method="post" action="/logout" className="logout-form">
        <CsrfInput />
        <button type="submit" className="nav-button">
          {t.nav.logout}
        </button>
      </Form>
    </nav>
  );
}

function SiteHeader({ largeText }: { largeText: boolean }) {
  const t = messages[useLocale()];
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t.siteName}</span>
          <span className="brand-centre">
            {t.centreName}
            <span className="demo-tag">{t.demoTag}</span>
          </span>
        </Link>
        <nav aria-label={t.nav.label} className="site-nav">
          <NavLink to="/" end>
            {t.nav.home}
          </NavLink>
          <NavLink to="/search">{t.nav.search}</NavLink>
          <NavLink to="/centre">{t.centre.nav}</NavLink>
          <LanguageSwitch />
          <LargeTextToggle on={largeText} />
        </nav>
        <AccountNav />
      </div>
    </header>
  );
}

function ProgressBar() {
  const navigation = useNavigation();
  return <div className={`progress${navigation.state === "idle" ? "" : " is-active"}`} aria-hidden="true" />;
}

export function Layout({ children }: { children: ReactNode }) {
  const t = messages[useLocale()];
  // The Content-Security-Policy allows inline scripts only with this request's nonce.
  const nonce = useNonce();
  useFocusHeadingOnNavigation();
  // Server-rendered, so the larger-text mode shows from the first paint and without JavaScript.
  const largeText = (useRouteLoaderData("root") as { largeText?: boolean } | undefined)?.largeText === true;
  return (
    <html lang={t.htmlLang} className={largeText ? "large-text" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLinks />
        <ProgressBar />
        <SiteHeader largeText={largeText} />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p className="footer-demo">
              <strong>{t.footer.demoLabel}</strong> {t.footer.demo}
            </p>
            <p>{t.footer.about}</p>
            <p>
              <Link to="/centre">{t.centre.title}</Link>
            </p>
            <p>
              {t.siteName} · {t.centreName}
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
