// The next few free times of the hits on one search page (issue 11: on a phone, see when someone is
// free without opening each profile). Computed for the page's hits only, never for the whole result,
// and only from the day of each hit's cached next free time (search documents carry it): two days, and
// a week when those hold fewer than three. A hit without a free time costs nothing; a mediator about
// 1 ms of CPU, a committee (its members' slots) 3-4 ms (docs/performance.md, "Search page").
import { DateTime } from "luxon";
import { CENTRE_TIMEZONE, MODE_SLUGS, type ModeSlug } from "../../domain";
import { listSlots, oneSlotPerStart } from "./slots-query.server";

export const NEXT_TIMES = 3;
/** Days looked at from the first free one, widened in turn while fewer than three times are found. */
const WINDOWS = [2, 7];

export interface HitRef {
  kind: string;
  id: number;
  /** ISO instant of the cached next free time, or null. */
  nextAvailableAt: string | null;
}

/** "mediator-12" / "committee-3" → up to NEXT_TIMES ISO starts, soonest first; hits without free times are left out. */
export function nextFreeTimes({ hits, mode, now }: { hits: HitRef[]; mode?: string; now: number }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const onlyMode = MODE_SLUGS.find((m) => m === mode) as ModeSlug | undefined;
  for (const hit of hits) {
    if (!hit.nextAvailableAt) continue;
    const kind = hit.kind === "committee" ? "committee" : "mediator";
    const first = DateTime.fromISO(hit.nextAvailableAt, { zone: CENTRE_TIMEZONE });
    const today = DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE });
    const from = (first > today ? first : today).toISODate()!;
    let starts: string[] = [];
    for (const days of WINDOWS) {
      const to = DateTime.fromISO(from).plus({ days: days - 1 }).toISODate()!;
      const view = listSlots({ kind, id: hit.id, query: { from, to, mode: onlyMode }, now });
      if (!view) break;
      starts = oneSlotPerStart(view.slots)
        .map((s) => s.start)
        .filter((s) => Date.parse(s) > now)
        .sort((a, b) => Date.parse(a) - Date.parse(b))
        .slice(0, NEXT_TIMES);
      if (starts.length >= NEXT_TIMES) break;
    }
    if (starts.length) out[`${kind}-${hit.id}`] = starts;
  }
  return out;
}
