// One error boundary for the root and every page route: a friendly page per HTTP status, and a generic
// one for anything unexpected. Never shows a stack trace to the visitor.
import { Link, isRouteErrorResponse, useRouteError, type ErrorResponse } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";

type StatusHandler = (info: { error: ErrorResponse }) => ReactNode;

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="error-page">
      <p className="error-code">404</p>
      <h1>{t.errors.notFoundHeading}</h1>
      <p>{t.errors.notFoundBody}</p>
      <p className="error-actions">
        <Link className="button" to="/search">
          {t.errors.backToSearch}
        </Link>
        <Link to="/">{t.errors.backHome}</Link>
      </p>
    </div>
  );
}

/** A signed-in visitor whose role may not open the page, or a form that failed the CSRF check. */
export function ForbiddenPage({ csrf = false }: { csrf?: boolean }) {
  const t = useT();
  return (
    <div className="error-page">
      <p className="error-code">403</p>
      <h1>{t.errorsExtra.forbiddenHeading}</h1>
      <p>{csrf ? t.errorsExtra.csrfBody : t.errorsExtra.forbiddenBody}</p>
      <p className="error-actions">
        <Link className="button" to="/">
          {t.errors.backHome}
        </Link>
      </p>
    </div>
  );
}

function GenericErrorPage({ status }: { status?: number }) {
  const t = useT();
  return (
    <div className="error-page">
      {status ? <p className="error-code">{t.errors.status(status)}</p> : null}
      <h1>{t.errors.genericHeading}</h1>
      <p>{t.errors.genericBody}</p>
      <p className="error-actions">
        <Link className="button" to="/">
          {t.errors.backHome}
        </Link>
      </p>
    </div>
  );
}

export function GeneralErrorBoundary({
  statusHandlers,
  defaultStatusHandler = ({ error }) => <GenericErrorPage status={error.status} />,
  unexpectedErrorHandler = () => <GenericErrorPage />,
}: {
  statusHandlers?: Record<number, StatusHandler>;
  defaultStatusHandler?: StatusHandler;
  unexpectedErrorHandler?: (error: unknown) => ReactNode;
}) {
  const error = useRouteError();
  const handlers: Record<number, StatusHandler> = {
    404: () => <NotFoundPage />,
    403: ({ error }) => <ForbiddenPage csrf={(error.data as { code?: unknown } | null)?.code === "csrf"} />,
    ...statusHandlers,
  };
  if (isRouteErrorResponse(error)) {
    return <>{(handlers[error.status] ?? defaultStatusHandler)({ error })}</>;
  }
  // A thrown Response is an expected outcome (404); anything else is a bug worth seeing in the console.
  if (typeof document !== "undefined") console.error(error);
  return <>{unexpectedErrorHandler(error)}</>;
}
