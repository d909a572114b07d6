// Renders the HTML. Bots get the whole document at once (allReady); browsers get the shell as soon as it
// is ready and the rest as it streams. Headers are server/app.mjs's job, for every response alike; the
// CSP nonce it made for this request is given to every inline script React and Remix write.
//
// Rendered with React's web-streams renderer (react-dom/server.browser), not renderToPipeableStream:
// React 18.3.1's Node renderer flushes its whole 2 KB buffer when a multi-byte character does not fit
// at the end, so Chinese pages carried NUL bytes (facebook/react #24985, #31134; fixed only in React 19
// by #26228). The web-streams build encodes each string whole and never writes unfilled bytes. ADR 009.
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server.browser";
import { env } from "./env.server";
import { NonceContext } from "./components/nonce";
import { startBackgroundJobs } from "./jobs.server";

// Loaded once per server process with the build: the search index starts following the outbox and the
// booking clock (expiry, next-free refresh, notification delivery) starts ticking.
if (env().NODE_ENV !== "test") startBackgroundJobs();

/** How long deferred data may stream (single fetch reads this export). */
export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : "";
  let shellRendered = false;
  // Rendering stops when the client leaves or after the stream timeout, but only while it is still
  // rendering: React listens on the signal for good, and an abort after the stream closed throws
  // ("Controller is already closed") from inside the listener.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, streamTimeout + 1_000);
  request.signal.addEventListener("abort", abort, { once: true });
  const done = () => {
    clearTimeout(timer);
    request.signal.removeEventListener("abort", abort);
  };
  const body = await renderToReadableStream(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
    {
      nonce,
      signal: controller.signal,
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell is ready reject below and are logged by Remix; only log later ones.
        if (shellRendered) console.error(error);
      },
    },
  ).catch((error: unknown) => {
    done();
    throw error;
  });
  shellRendered = true;
  body.allReady.then(done, done);
  if (isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body.pipeThrough(lowPriorityModulePreloads()), { headers: responseHeaders, status: responseStatusCode });
}

const PRELOAD = '<link rel="modulepreload"';
const LOW_PRELOAD = '<link rel="modulepreload" fetchpriority="low"';

/**
 * Remix's <Scripts/> preloads every script of the page with High priority, and Chrome then fetches
 * ~90 KB (gzipped) of React and route code alongside the one stylesheet the first paint waits for; on a
 * slow phone network they share the bandwidth, and Lighthouse's simulation charges all of it to first
 * contentful paint (1.8-2.6 s instead of 0.8 s, ADR 033). Marked low priority, the scripts still start
 * at once but yield to the stylesheet; hydration follows the paint instead of delaying it. <Scripts/>
 * has no option for this, so the HTML is rewritten as it streams (the attribute is only a fetch hint:
 * React ignores it when hydrating these links). A tag split across two chunks is kept back until the
 * next chunk completes it.
 */
function lowPriorityModulePreloads(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let carry = "";
  return new TransformStream({
    transform(chunk, out) {
      const text = carry + decoder.decode(chunk, { stream: true });
      // Hold back a trailing fragment that could be the start of the tag.
      const cut = text.lastIndexOf("<");
      const held = cut >= 0 && text.length - cut < PRELOAD.length && PRELOAD.startsWith(text.slice(cut)) ? cut : text.length;
      carry = text.slice(held);
      const ready = text.slice(0, held);
      if (ready) out.enqueue(encoder.encode(ready.replaceAll(PRELOAD, LOW_PRELOAD)));
    },
    flush(out) {
      const rest = carry + decoder.decode();
      if (rest) out.enqueue(encoder.encode(rest.replaceAll(PRELOAD, LOW_PRELOAD)));
    },
  });
}
