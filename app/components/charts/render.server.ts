// Charts drawn on the server with Apache ECharts' SSR SVG renderer (ADR 015): the page ships them as
// inline SVG markup, so they show without JavaScript and without a chart library in the browser.
// What ECharts writes is cleaned before it reaches a page: its hover <style> (the CSP refuses inline
// style elements, and nothing hovers without the library), fixed width/height (the viewBox scales it to
// a phone), and anything active is refused outright. The SVG gets role="img" and a text alternative.
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** Colours distinct for colour-blind readers, each ≥ 3:1 against white (WCAG non-text contrast). */
export const CHART_COLOURS = ["#0b5563", "#b45309", "#6d28d9", "#15803d", "#b42318", "#1d4ed8"];
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif';
const TEXT = "#1b2630";
const MUTED = "#4a5866";

export interface Series {
  name: string;
  values: (number | null)[];
}
export interface ChartSpec {
  /** The text alternative (aria-label of the SVG). */
  label: string;
  categories: string[];
  series: Series[];
  kind: "bar" | "stacked-bar" | "line";
  /** Values are rates 0–1, shown as percentages on a 0–100 % axis. */
  percent?: boolean;
  width?: number;
  height?: number;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** ECharts' SVG, made safe and scalable (see the head of this file). Throws on anything active. */
export function cleanSvg(svg: string, label: string): string {
  const out = svg.replace(/<style[\s\S]*?<\/style>/gi, "");
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<image|href\s*=/i.test(out)) throw new Error("chart SVG holds active content");
  const head = out.match(/^<svg\b[^>]*>/)?.[0];
  if (!head) throw new Error("not an SVG");
  const attrs = head
    .replace(/^<svg/, "")
    .replace(/>$/, "")
    .replace(/\s(width|height)="[^"]*"/g, "");
  return (
    `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" preserveAspectRatio="xMidYMid meet"${attrs}>` +
    out.slice(head.length)
  );
}

/** One chart as inline SVG markup. */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 340;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    const many = spec.categories.length > 6;
    const pct = (v: number | null) => (v === null ? null : spec.percent ? Math.round(v * 1000) / 10 : v);
    chart.setOption({
      animation: false,
      color: CHART_COLOURS,
      textStyle: { fontFamily: FONT, fontSize: 14, color: TEXT },
      legend: { top: 0, textStyle: { fontSize: 14, color: TEXT }, itemWidth: 18, itemHeight: 12 },
      grid: { left: 56, right: 16, top: 48, bottom: many ? 92 : 40 },
      xAxis: {
        type: "category",
        data: spec.categories,
        axisLabel: { color: MUTED, fontSize: 13, interval: 0, rotate: many ? 40 : 0 },
        axisLine: { lineStyle: { color: "#6b7a88" } },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: spec.percent ? 100 : undefined,
        minInterval: 1,
        axisLabel: { color: MUTED, fontSize: 13, formatter: spec.percent ? "{value}%" : "{value}" },
        splitLine: { lineStyle: { color: "#e3e8ec" } },
      },
      series: spec.series.map((s) => ({
        name: s.name,
        type: spec.kind === "line" ? "line" : "bar",
        stack: spec.kind === "stacked-bar" ? "total" : undefined,
        data: s.values.map(pct),
        connectNulls: false,
        symbolSize: 7,
        barMaxWidth: 36,
        emphasis: { disabled: true },
      })),
    });
    return cleanSvg(chart.renderToSVGString(), spec.label);
  } finally {
    // Without dispose, zrender's animation loop keeps a timer and the chart in memory.
    chart.dispose();
  }
}
