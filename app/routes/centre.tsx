// /centre: the centre's practical details (issue 11) — address, opening hours, phone, a map we draw
// ourselves (inline SVG: no tiles, nothing fetched, works on a weak island connection), how to come
// from each island town (pier, typical crossing: demo data, said so), a notice while ferries are
// suspended (read from the sea suspensions staff declare), and what to bring per kind of dispute.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CATEGORIES, facetLabel } from "../../domain";
import { CENTRE, islandDirections } from "../../domain/centre";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FreeOfCharge } from "~/components/free-of-charge";
import { WhatToBring } from "~/components/what-to-bring";
import { localeFromMatches, messages, useLocale, useT } from "~/i18n";
import { formatCentreTime } from "~/i18n/format";
import { seaNotices } from "~/models/centre-info.server";

export async function loader(_: LoaderFunctionArgs) {
  return { sea: seaNotices({ now: Date.now() }) };
}

export const meta: MetaFunction = ({ matches }) => {
  const t = messages[localeFromMatches(matches)];
  return [{ title: `${t.centre.title} · ${t.siteName}` }, { name: "description", content: t.centre.intro }];
};

/** Where each island sits on the schematic (not to scale), and the centre at Shenjiamen. */
const PLACES: {
  slug: string;
  x: number;
  y: number;
  rx: number;
  ry: number;
  label: [number, number, "start" | "middle"];
  via?: [number, number];
}[] = [
  { slug: "zhujiajian", x: 250, y: 150, rx: 22, ry: 30, label: [278, 140, "start"] },
  { slug: "putuoshan", x: 310, y: 90, rx: 14, ry: 18, label: [310, 62, "middle"], via: [262, 118] },
  { slug: "taohua", x: 190, y: 235, rx: 20, ry: 14, label: [190, 265, "middle"] },
  { slug: "xiazhi", x: 255, y: 245, rx: 16, ry: 12, label: [255, 273, "middle"] },
  { slug: "liuheng", x: 115, y: 250, rx: 34, ry: 20, label: [115, 286, "middle"] },
  { slug: "dongji", x: 380, y: 170, rx: 12, ry: 10, label: [380, 196, "middle"], via: [310, 215] },
];
const CENTRE_AT = { x: 205, y: 160 };

/** A schematic we draw (no map tiles, nothing fetched): the main island, the towns' islands, the routes. */
function CentreMap() {
  const t = useT();
  const locale = useLocale();
  return (
    <svg viewBox="0 0 420 300" role="img" aria-labelledby="map-title map-desc">
      <title id="map-title">{t.centre.mapTitle}</title>
      <desc id="map-desc">{t.centre.mapDesc}</desc>
      <rect className="sea" width="420" height="300" />
      {/* Zhoushan island, with Shenjiamen on its south-east shore. */}
      <path className="land" d="M10 40 Q90 10 170 60 Q225 95 220 165 Q200 195 150 185 Q70 180 25 140 Q0 95 10 40 Z" />
      {PLACES.map((p) => (
        <g key={p.slug}>
          {p.slug === "zhujiajian" ? (
            <line className="bridge" x1={CENTRE_AT.x + 12} y1={CENTRE_AT.y} x2={p.x - p.rx} y2={p.y} />
          ) : (
            <path
              className="route"
              d={`M${CENTRE_AT.x} ${CENTRE_AT.y} Q${(CENTRE_AT.x + p.x) / 2} ${Math.max(CENTRE_AT.y, p.y) + 10} ${p.x} ${p.y}`}
            />
          )}
          <ellipse className="land" cx={p.x} cy={p.y} rx={p.rx} ry={p.ry} />
          <text className="label" x={p.label[0]} y={p.label[1]} textAnchor={p.label[2]}>
            {facetLabel("town", p.slug, locale)}
          </text>
        </g>
      ))}
      <circle className="pin" cx={CENTRE_AT.x} cy={CENTRE_AT.y} r="7" />
      <text className="label" x={CENTRE_AT.x - 12} y={CENTRE_AT.y - 12} textAnchor="end" fontWeight="700">
        {t.centre.mapCentre} · {facetLabel("town", "shenjiamen", locale)}
      </text>
    </svg>
  );
}

function SeaNotices() {
  const { sea } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const towns = (slugs: string[]) => slugs.map((s) => facetLabel("town", s, locale)).join(locale === "zh" ? "、" : ", ");
  return (
    <section className="panel" aria-labelledby="sea-heading">
      <h2 id="sea-heading">{t.centre.seaHeading}</h2>
      {sea.length ? (
        <div className="sea-notice" role="status">
          {sea.map((s) => (
            <p key={`${s.from}-${s.towns.join()}`}>
              <strong>
                {s.now
                  ? t.centre.seaNow(towns(s.towns), formatCentreTime(s.until, locale))
                  : t.centre.seaSoon(towns(s.towns), formatCentreTime(s.from, locale), formatCentreTime(s.until, locale))}
              </strong>
              {s.note ? <span lang={locale === "zh" ? undefined : "zh-CN"}> {s.note}</span> : null}
            </p>
          ))}
          <p>{t.centre.seaAdvice}</p>
        </div>
      ) : (
        <p>{t.centre.seaNone}</p>
      )}
    </section>
  );
}

export default function CentrePage() {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="centre-page">
      <h1>{t.centre.title}</h1>
      <p>{t.centre.intro}</p>
      <FreeOfCharge />
      <p className="small muted">{t.centre.demo}</p>
      <SeaNotices />
      <div className="centre-grid">
        <section className="panel" aria-labelledby="address-heading">
          <h2 id="address-heading">{t.centre.addressHeading}</h2>
          <p>
            <strong>{CENTRE.name[locale]}</strong>
            <br />
            {CENTRE.address[locale]}
          </p>
          <p>
            {t.centre.entrance}
            {CENTRE.entrance[locale]}
          </p>
          <p>
            {t.centre.phone}
            <a href={`tel:${CENTRE.phone.replace(/-/g, "")}`}>{CENTRE.phone}</a>
          </p>
          <h3>{t.centre.hoursHeading}</h3>
          <dl className="hours">
            {CENTRE.hours.map((h) => (
              <div key={h.days.zh}>
                <dt>{h.days[locale]}</dt>
                <dd>{h.time ?? t.centre.closed}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="panel centre-map" aria-labelledby="map-heading">
          <h2 id="map-heading">{t.centre.mapHeading}</h2>
          <CentreMap />
        </section>
      </div>
      <section className="panel" aria-labelledby="islands-heading">
        <h2 id="islands-heading">{t.centre.islandsHeading}</h2>
        <p className="small muted">{t.centre.islandsIntro}</p>
        <ul className="directions">
          {islandDirections().map(({ town, directions: d }) =>
            d ? (
              <li key={town.slug}>
                <h3>{town[locale]}</h3>
                <dl>
                  <dt>{t.centre.pier}</dt>
                  <dd>{d.pier[locale]}</dd>
                  <dt>{t.centre.arrival}</dt>
                  <dd>{d.arrival[locale]}</dd>
                  <dt>{t.centre.crossing}</dt>
                  <dd>{d.bridged ? t.centre.byBridge(d.crossingMinutes) : t.centre.minutes(d.crossingMinutes)}</dd>
                  <dt>{t.centre.onward}</dt>
                  <dd>{d.onward[locale]}</dd>
                </dl>
              </li>
            ) : null,
          )}
        </ul>
      </section>
      <section className="panel" aria-labelledby="bring-all-heading">
        <h2 id="bring-all-heading">{t.centre.bringHeading}</h2>
        <p>{t.centre.bringIntro}</p>
        {CATEGORIES.map((c) => (
          <details key={c.slug} className="fold">
            <summary>{c[locale]}</summary>
            <WhatToBring category={c.slug} headingLevel={3} id={`bring-${c.slug}`} />
          </details>
        ))}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
