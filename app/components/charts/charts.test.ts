// The dashboard's CSV and charts: RFC 4180 quoting with a BOM for Excel, formulas defused; ECharts'
// SVG cleaned for the CSP and the phone (no style element, no fixed size, a text alternative).
import { describe, expect, it } from "vitest";
import { noSevereCases, type CentreFigures, type CentreStats } from "../../models/stats-types";
import { chartData, chartSummary, percent, statsCsv } from "./centre-figures";
import { cleanSvg, renderChart } from "./render.server";

const figures = (over: Partial<CentreFigures> = {}): CentreFigures => ({
  handled: 3,
  online: 2,
  inPerson: 1,
  closed: 3,
  mediated: 2,
  zeroVisitRate: 2 / 3,
  oneVisitRate: 1 / 3,
  onTimeRate: 1,
  satisfactionRate: null,
  agreementRate: 0.5,
  fulfilmentRate: null,
  judicialConfirmations: 1,
  fulfilledOnTimeAfterConfirmation: 1,
  enforced: 0,
  majorCases: 0,
  majorAgreed: 0,
  islandOnlineMediations: 1,
  ...over,
});
/** The whole period's major-case table (not shown in the CSV or the charts). */
const severe = { severeCases: noSevereCases(), majorFulfilled: 0 };

describe("statsCsv", () => {
  const stats: CentreStats = {
    from: "2026-01-01",
    to: "2026-02-28",
    groupBy: "category",
    ...figures(),
    ...severe,
    groups: [
      { key: "contract-debt", ...figures() },
      { key: "=cmd", ...figures({ handled: 0 }) },
    ],
  };

  it("starts with a BOM, ends lines with CRLF, has a header and one row per group then the total", () => {
    const csv = statsCsv(stats, "en");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[0].split(",").slice(0, 7)).toEqual([
      "Group",
      "Requests handled",
      "Online",
      "In person",
      "Closed",
      "Mediated",
      "Zero visits (0–1)",
    ]);
    // "Contract & debt disputes" needs no quotes; rates have four decimals; a null rate is empty.
    expect(lines[1]).toBe("Contract & debt disputes,3,2,1,3,2,0.6667,0.3333,1,,0.5,,1,1,0,0,0,1");
    expect(lines[2].split(",")[0]).toBe("'=cmd"); // an unknown key that would start a formula
    expect(lines[3].startsWith("Total,3,")).toBe(true);
    expect(lines[4]).toBe("");
  });

  it("quotes a cell holding a comma or a quote", () => {
    const csv = statsCsv({ ...stats, groupBy: "pool", groups: [{ key: 'a,"b"', ...figures() }] }, "zh");
    expect(csv.split("\r\n")[1].startsWith('"a,""b""",3,')).toBe(true);
    expect(csv.split("\r\n")[0].startsWith("\uFEFF分组,受理,")).toBe(true);
  });

  it("the whole period alone is one row, 全部", () => {
    const lines = statsCsv({ from: "2026-01-01", to: "2026-01-31", ...figures(), ...severe }, "zh").split("\r\n");
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^全部,3,2,1,/), ""]);
  });
});

describe("charts", () => {
  it("cleanSvg drops the style element and the fixed size, adds role and label, refuses script", () => {
    const svg =
      '<svg width="600" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><style>.a:hover{}</style><text>x</text></svg>';
    expect(cleanSvg(svg, 'a "b" <c>')).toBe(
      '<svg role="img" aria-label="a &quot;b&quot; &lt;c&gt;" focusable="false" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><text>x</text></svg>',
    );
    expect(() => cleanSvg('<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>', "x")).toThrow();
    expect(() => cleanSvg('<svg viewBox="0 0 1 1"><rect onclick="x()"/></svg>', "x")).toThrow();
  });

  it("renders each of the dashboard's charts as clean, scalable SVG with its summary", () => {
    const stats: CentreStats = {
      from: "2026-01-01",
      to: "2026-02-28",
      groupBy: "month",
      ...figures(),
      ...severe,
      groups: [
        { key: "2026-01", ...figures() },
        { key: "2026-02", ...figures({ zeroVisitRate: null }) },
      ],
    };
    const charts = chartData(stats, "zh");
    expect(charts.map((c) => c.id)).toEqual(["handled", "rates", "vs2018"]);
    expect(charts[0].categories).toEqual(["2026年1月", "2026年2月"]);
    expect(chartSummary(charts[0], "zh")).toBe("线上受理：2026年1月 2, 2026年2月 2；窗口受理：2026年1月 1, 2026年2月 1");
    for (const chart of charts) {
      const svg = renderChart({ ...chart, label: chartSummary(chart, "zh") });
      expect(svg).toMatch(/^<svg role="img" aria-label="[^"]+" focusable="false"/);
      expect(svg).toMatch(/viewBox="0 0 720 340"/);
      expect(svg).not.toMatch(/<style|<script|\son[a-z]+=|^<svg[^>]*\swidth=/);
    }
    expect(percent(0.773)).toBe("77.3%");
    expect(percent(1)).toBe("100%");
    expect(percent(null)).toBe("—");
  });
});
