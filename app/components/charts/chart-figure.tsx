// A server-drawn chart (inline SVG from render.server.ts) with its caption and, beneath it, the same
// numbers as a table: the table is the chart's full text alternative, the SVG's aria-label a summary.
import type { Locale } from "../../../domain";
import { messages } from "../../i18n";
import { chartValue, type ChartData } from "./centre-figures";

export function ChartFigure({ chart, svg, locale }: { chart: ChartData; svg: string; locale: Locale }) {
  const t = messages[locale].centreStats;
  const id = `chart-${chart.id}`;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{chart.title}</figcaption>
      {/* Markup drawn and cleaned on the server (no script, no handlers, no style element). */}
      <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="table-scroll" role="region" aria-labelledby={`${id}-table`} tabIndex={0}>
        <table className="data-table chart-table">
          <caption id={`${id}-table`}>{`${t.charts.dataTable}：${chart.title}`}</caption>
          <thead>
            <tr>
              <th scope="col">{chart.id === "vs2018" ? t.beside2018.figure : t.groupColumn}</th>
              {chart.series.map((s) => (
                <th scope="col" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.categories.map((category, i) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {chart.series.map((s) => (
                  <td key={s.name} className="num" data-label={s.name}>
                    {chartValue(chart, s.values[i], locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
