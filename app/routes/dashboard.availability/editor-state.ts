// The availability editor's form state: what the page renders and what comes back from the browser.
// Rows carry a stable key, so adding or removing one keeps what was typed in the others.
export interface RangeRow {
  key: string;
  weekday: number;
  start: string;
  end: string;
  modes: string[];
  towns: string[];
}

export interface OverrideRow {
  key: string;
  date: string;
  kind: "off" | "hours";
  start: string;
  end: string;
  modes: string[];
  towns: string[];
}

export const RULES = ["sessionMinutes", "bufferMinutes", "minNoticeHours", "horizonDays", "dailyCap"] as const;
export type RuleName = (typeof RULES)[number];

export interface EditorState {
  weekly: RangeRow[];
  overrides: OverrideRow[];
  leaveFrom: string;
  leaveTo: string;
  rules: Record<RuleName, string>;
  /** Requests are confirmed at once (availability_settings.instant_confirm). */
  instantConfirm: boolean;
  /** What the mediator chose for each stranded session, by booking id (ADR 030). */
  decisions: Record<string, { action: string; reason: string }>;
}

/** Field names as the form posts them (and as errors are keyed): weekly[2].end, overrides[0].date… */
export const rangeName = (i: number, field: string) => `weekly[${i}].${field}`;
export const overrideName = (j: number, field: string) => `overrides[${j}].${field}`;
/** Ids for the same fields: weekly-2-end. */
export const nameToId = (name: string) =>
  name
    .replace(/\[(\d+)\]\./g, "-$1-")
    .replace(/\[(\d+)\]$/, "-$1")
    .replace(/\./g, "-");
