// The filters both staff lists share (issue 11): date from/to, mediator and town, each choice with the
// count it would leave; and the notice naming the filters that were wrong and left out. Plain fields of
// a GET form: they work without JavaScript, and the URL can be bookmarked at the window.
import { TOWNS } from "../../domain";
import { Notice } from "~/components/forms";
import { dataLang, useLocale, useT } from "~/i18n";

export interface SharedQuery {
  from?: string;
  to?: string;
  mediator?: number;
  town?: string;
}

export interface SharedCounts {
  town: Record<string, number>;
  mediators: { id: number; name: string; n: number }[];
}

export function StaffFilterFields({ query, counts }: { query: SharedQuery; counts: SharedCounts }) {
  const t = useT();
  const f = t.staffPages.filters;
  const locale = useLocale();
  const lang = dataLang(locale);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const chosen = counts.mediators.some((m) => m.id === query.mediator);
  return (
    <>
      <div className="field">
        <label htmlFor="f-from">{f.from}</label>
        <input id="f-from" type="date" name="from" defaultValue={query.from ?? ""} aria-describedby="f-date-hint" />
      </div>
      <div className="field">
        <label htmlFor="f-to">{f.to}</label>
        <input id="f-to" type="date" name="to" defaultValue={query.to ?? ""} aria-describedby="f-date-hint" />
      </div>
      <div className="field">
        <label htmlFor="f-mediator">{f.mediator}</label>
        <select id="f-mediator" name="mediator" defaultValue={query.mediator ? String(query.mediator) : ""}>
          <option value="">{f.any(counts.mediators.reduce((a, m) => a + m.n, 0))}</option>
          {counts.mediators.map((m) => (
            <option key={m.id} value={m.id} lang={lang}>
              {f.withCount(m.name, m.n)}
            </option>
          ))}
          {/* Filtered to a mediator the other filters leave no rows for: still shown as chosen. */}
          {query.mediator && !chosen ? <option value={query.mediator}>{f.withCount(`#${query.mediator}`, 0)}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-town">{f.town}</label>
        <select id="f-town" name="town" defaultValue={query.town ?? ""} aria-describedby="f-town-hint">
          <option value="">{f.any(sum(counts.town))}</option>
          {TOWNS.map((town) => (
            <option key={town.slug} value={town.slug}>
              {f.withCount(town[locale], counts.town[town.slug] ?? 0)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** The hints of the date and town filters, below the grid (inside it they pushed their fields out of line). */
export function StaffFilterHints({ dateHint }: { dateHint: string }) {
  const f = useT().staffPages.filters;
  return (
    <p className="field-hint">
      <span id="f-date-hint">{dateHint}</span> <span id="f-town-hint">{f.townHint}</span>
    </p>
  );
}

/** "Some filters were wrong and are left out: …", one line per field (the page answered 400). */
export function BadFilters({ bad }: { bad: string[] }) {
  const t = useT();
  const f = t.staffPages.filters;
  if (bad.length === 0) return null;
  return (
    <Notice kind="error">
      <p>{f.bad}</p>
      <ul>
        {bad.map((k) => (
          <li key={k}>{f.badField[k] ?? f.unknownField(k)}</li>
        ))}
      </ul>
    </Notice>
  );
}
