// /online-test: "test your device" before an online session (issue 11). The check runs in the browser
// (getUserMedia asks for the camera and microphone, then stops them at once; nothing is recorded or
// sent). Without JavaScript the page explains what to do instead, so it is never a dead end.
import type { MetaFunction } from "@remix-run/node";
import { useEffect, useState } from "react";
import { CENTRE } from "../../domain/centre";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { localeFromMatches, messages, useT } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.online.testTitle} · ${t.siteName}` }, { name: "description", content: t.online.testIntro }];
};

type Outcome = "ok" | "denied" | "no-devices" | { missing: string[] } | null;

async function testDevices(): Promise<Outcome> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia || !media.enumerateDevices) return "no-devices";
  const devices = await media.enumerateDevices();
  const missing = [
    devices.some((d) => d.kind === "videoinput") ? null : "camera",
    devices.some((d) => d.kind === "audioinput") ? null : "microphone",
  ].filter((x): x is string => x !== null);
  if (missing.length) return { missing };
  try {
    const stream = await media.getUserMedia({ video: true, audio: true });
    for (const track of stream.getTracks()) track.stop();
    return "ok";
  } catch {
    return "denied";
  }
}

export default function OnlineTestPage() {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [hydrated, setHydrated] = useState(false);
  // The button is only useful once React runs; before that (or without JavaScript) the note says so.
  useEffect(() => setHydrated(true), []);
  const message =
    outcome === null
      ? ""
      : outcome === "ok"
        ? t.online.testOk
        : outcome === "denied"
          ? t.online.testDenied
          : outcome === "no-devices"
            ? t.online.testNoDevices
            : t.online.testMissing(outcome.missing.map((m) => (m === "camera" ? t.online.camera : t.online.microphone)).join(" / "));
  return (
    <div className="device-test">
      <h1>{t.online.testTitle}</h1>
      <p>{t.online.testIntro}</p>
      {hydrated ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => void testDevices().then(setOutcome)}>
            {t.online.testButton}
          </button>
        </p>
      ) : (
        <p className="notice">{t.online.testNoJs}</p>
      )}
      <output aria-live="polite">{message}</output>
      <p>
        {t.online.testHelp} <a href={`tel:${CENTRE.phone.replace(/-/g, "")}`}>{CENTRE.phone}</a>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
