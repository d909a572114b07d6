import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerMessages } from "./i18n";

// The catalogue is loaded here, after the page has painted, and only in the page's language (the
// server rendered <html lang> from the same locale the components will read): it is not modulepreloaded
// with the route modules, so it neither competes with the first paint nor ships the other language.
// Hydration waits for it, since every component reads its words synchronously. ADR 033.
// The import starts after the first frame is painted (a timeout queued from the frame callback runs
// after that frame): on a slow or busy phone the scripts can arrive before the paint, and a request
// begun then competes with it (and Lighthouse charges it to first paint: 1458 ms instead of 0.8 s).
const locale = document.documentElement.lang.startsWith("en") ? "en" : "zh";
const afterFirstPaint = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const words = afterFirstPaint.then(() => (locale === "en" ? import("./i18n/messages-en") : import("./i18n/messages-zh")));

void words.then(({ words: catalogue }) => {
  registerMessages(locale, catalogue);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
