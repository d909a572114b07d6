// The availability editor's server side: the form into its state, the add/remove buttons (which work
// without JavaScript: the page comes back with one row more or less and nothing typed lost), leave
// expanded into days off, and the state into the document putAvailability takes, with the schema's
// errors mapped back onto the inputs they are about.
import crypto from "node:crypto";
import { DateTime } from "luxon";
import type { Locale } from "../../../domain";
import { messages } from "~/i18n";
import {
  availabilitySchema,
  STRANDED_ACTIONS,
  type AvailabilityDocument,
  type AvailabilityView,
  type StrandedDecision,
} from "~/models/availability-schema";
import { fieldErrors, fieldName } from "~/utils/forms.server";
import { RULES, overrideName, rangeName, type EditorState, type OverrideRow, type RangeRow } from "./editor-state";

const MAX_LEAVE_DAYS = 92;
const newKey = () => `n${crypto.randomBytes(5).toString("hex")}`;

export function stateFromDocument(doc: AvailabilityView): EditorState {
  return {
    weekly: doc.weekly.map((w, i) => ({
      key: `w${i}`,
      weekday: w.weekday,
      start: w.start,
      end: w.end,
      modes: [...w.modes],
      towns: [...w.towns],
    })),
    overrides: doc.overrides.map((o, j) =>
      "start" in o
        ? {
            key: `o${j}`,
            date: o.date,
            kind: "hours" as const,
            start: o.start,
            end: o.end,
            modes: [...o.modes],
            towns: [...o.towns],
          }
        : { key: `o${j}`, date: o.date, kind: "off" as const, start: "", end: "", modes: [], towns: [] },
    ),
    leaveFrom: "",
    leaveTo: "",
    rules: Object.fromEntries(RULES.map((r) => [r, String(doc[r])])) as EditorState["rules"],
    instantConfirm: doc.instantConfirm,
    decisions: {},
  };
}

function rows(formData: FormData, prefix: "weekly" | "overrides"): Map<number, Map<string, string[]>> {
  const found = new Map<number, Map<string, string[]>>();
  const pattern = new RegExp(`^${prefix}\\[(\\d{1,3})\\]\\.(\\w+)$`);
  for (const [name, value] of formData) {
    const m = pattern.exec(name);
    if (!m || typeof value !== "string") continue;
    const index = Number(m[1]);
    const fields = found.get(index) ?? new Map<string, string[]>();
    fields.set(m[2], [...(fields.get(m[2]) ?? []), value]);
    found.set(index, fields);
  }
  return new Map([...found].sort((a, b) => a[0] - b[0]));
}

export function stateFromForm(formData: FormData): EditorState {
  const one = (f: Map<string, string[]>, k: string) => f.get(k)?.[0] ?? "";
  const many = (f: Map<string, string[]>, k: string) => f.get(k) ?? [];
  const str = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : "";
  };
  return {
    weekly: [...rows(formData, "weekly").values()].map((f) => ({
      key: one(f, "key") || newKey(),
      weekday: Math.min(7, Math.max(1, Number(one(f, "weekday")) || 1)),
      start: one(f, "start"),
      end: one(f, "end"),
      modes: many(f, "modes"),
      towns: many(f, "towns"),
    })),
    overrides: [...rows(formData, "overrides").values()].map((f) => ({
      key: one(f, "key") || newKey(),
      date: one(f, "date"),
      kind: one(f, "kind") === "hours" ? ("hours" as const) : ("off" as const),
      start: one(f, "start"),
      end: one(f, "end"),
      modes: many(f, "modes"),
      towns: many(f, "towns"),
    })),
    leaveFrom: str("leaveFrom"),
    leaveTo: str("leaveTo"),
    rules: Object.fromEntries(RULES.map((r) => [r, str(r)])) as EditorState["rules"],
    instantConfirm: formData.get("instantConfirm") === "on",
    decisions: decisionsFromForm(formData),
  };
}

/** The stranded sessions' answers as posted: decision-<booking id> and reason-<booking id>. */
function decisionsFromForm(formData: FormData): EditorState["decisions"] {
  const out: EditorState["decisions"] = {};
  for (const [name, value] of formData) {
    const m = /^decision-(\d{1,10})$/.exec(name);
    if (!m || typeof value !== "string") continue;
    const reason = formData.get(`reason-${m[1]}`);
    out[m[1]] = { action: value, reason: typeof reason === "string" ? reason : "" };
  }
  // A reason typed before a choice was made is kept for the next answer.
  for (const [name, value] of formData) {
    const m = /^reason-(\d{1,10})$/.exec(name);
    if (m && typeof value === "string" && !out[m[1]]) out[m[1]] = { action: "", reason: value };
  }
  return out;
}

/**
 * The decisions for the stranded sessions the page listed, as the save takes them, or the errors to
 * show next to each: a choice for every session, a reason to cancel.
 */
export function decisionsFor(
  state: EditorState,
  bookingIds: number[],
  locale: Locale,
): { ok: true; decisions: StrandedDecision[] } | { ok: false; errors: Record<string, string[]> } {
  const t = messages[locale].leave.errors;
  const errors: Record<string, string[]> = {};
  const decisions: StrandedDecision[] = [];
  for (const id of bookingIds) {
    const d = state.decisions[String(id)];
    const action = STRANDED_ACTIONS.find((a) => a === d?.action);
    if (!action) errors[`decision-${id}`] = [t.decide];
    else if (action === "cancel" && (d?.reason.trim().length ?? 0) < 2) errors[`reason-${id}`] = [t.reason];
    else decisions.push({ booking: id, action, ...(action === "cancel" ? { reason: d!.reason.trim().slice(0, 500) } : {}) });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, decisions };
}

export interface EditorReply {
  state: EditorState;
  errors: Record<string, string[]>;
  /** The id of the control to focus once the page shows the reply. */
  focus?: string;
}

const emptyRange = (weekday: number): RangeRow => ({ key: newKey(), weekday, start: "", end: "", modes: [], towns: [] });
const emptyOverride = (kind: "off" | "hours", date = ""): OverrideRow => ({
  key: newKey(),
  date,
  kind,
  start: "",
  end: "",
  modes: [],
  towns: [],
});

/** Leave from…to as one day off per date; dates already off are not repeated. */
function expandLeave(state: EditorState, locale: Locale): { state: EditorState; errors: Record<string, string[]>; added: number } {
  const t = messages[locale].availability.errors;
  const from = DateTime.fromISO(state.leaveFrom);
  const to = DateTime.fromISO(state.leaveTo);
  const errors: Record<string, string[]> = {};
  if (!state.leaveFrom || !from.isValid) errors.leaveFrom = [t.leaveDate];
  if (!state.leaveTo || !to.isValid) errors.leaveTo = [t.leaveDate];
  if (Object.keys(errors).length) return { state, errors, added: 0 };
  if (to < from) return { state, errors: { leaveTo: [t.leaveOrder] }, added: 0 };
  if (to.diff(from, "days").days >= MAX_LEAVE_DAYS) return { state, errors: { leaveTo: [t.leaveTooLong] }, added: 0 };
  const off = new Set(state.overrides.filter((o) => o.kind === "off").map((o) => o.date));
  const added: OverrideRow[] = [];
  for (let d = from; d <= to; d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    if (!off.has(date)) added.push(emptyOverride("off", date));
  }
  return {
    state: { ...state, overrides: [...state.overrides, ...added], leaveFrom: "", leaveTo: "" },
    errors: {},
    added: added.length,
  };
}

/** The add and remove buttons. Unknown intents change nothing. */
export function applyIntent(state: EditorState, intent: string, locale: Locale): EditorReply {
  let m = /^add-range-([1-7])$/.exec(intent);
  if (m) {
    const weekly = [...state.weekly, emptyRange(Number(m[1]))];
    return { state: { ...state, weekly }, errors: {}, focus: `weekly-${weekly.length - 1}-start` };
  }
  m = /^remove-range-(\d+)$/.exec(intent);
  if (m) {
    const i = Number(m[1]);
    const weekday = state.weekly[i]?.weekday ?? 1;
    return { state: { ...state, weekly: state.weekly.filter((_, k) => k !== i) }, errors: {}, focus: `add-range-${weekday}` };
  }
  if (intent === "add-off" || intent === "add-hours") {
    const overrides = [...state.overrides, emptyOverride(intent === "add-off" ? "off" : "hours")];
    return { state: { ...state, overrides }, errors: {}, focus: `overrides-${overrides.length - 1}-date` };
  }
  m = /^remove-override-(\d+)$/.exec(intent);
  if (m) {
    const j = Number(m[1]);
    return { state: { ...state, overrides: state.overrides.filter((_, k) => k !== j) }, errors: {}, focus: "add-off" };
  }
  if (intent === "add-leave") {
    const { state: next, errors, added } = expandLeave(state, locale);
    return { state: next, errors, focus: added ? `overrides-${next.overrides.length - added}-date` : "leaveFrom" };
  }
  return { state, errors: {} };
}

const blank = (r: { start: string; end: string; modes: string[] }) => !r.start && !r.end && r.modes.length === 0;
const number = (s: string) => (s.trim() === "" ? undefined : /^-?\d+$/.test(s.trim()) ? Number(s) : Number.NaN);

/**
 * The state as the document to save. Blank new rows are dropped; towns count only for on-site hours.
 * Errors come back under the names of the rows they are about.
 */
export function validate(state: EditorState, locale: Locale): { ok: true; doc: AvailabilityDocument; state: EditorState } | EditorReply {
  let current = state;
  if (state.leaveFrom || state.leaveTo) {
    const leave = expandLeave(state, locale);
    if (Object.keys(leave.errors).length) return { state, errors: leave.errors };
    current = leave.state;
  }
  const weeklyRows = current.weekly.map((_, i) => i).filter((i) => !blank(current.weekly[i]));
  // A day off has nothing but its date: a row without one is an error, never dropped (only a blank row
  // of other hours, added and left empty, is).
  const overrideRows = current.overrides
    .map((_, j) => j)
    .filter((j) => current.overrides[j].kind === "off" || current.overrides[j].date || !blank(current.overrides[j]));
  const onsiteTowns = (r: { modes: string[]; towns: string[] }) => (r.modes.includes("onsite") ? r.towns : []);
  const input = {
    weekly: weeklyRows.map((i) => {
      const r = current.weekly[i];
      return { weekday: r.weekday, start: r.start, end: r.end, modes: r.modes, towns: onsiteTowns(r) };
    }),
    overrides: overrideRows.map((j) => {
      const o = current.overrides[j];
      return o.kind === "off"
        ? { date: o.date, unavailable: true }
        : { date: o.date, start: o.start, end: o.end, modes: o.modes, towns: onsiteTowns(o) };
    }),
    ...Object.fromEntries(RULES.map((r) => [r, number(current.rules[r])])),
  };
  const parsed = availabilitySchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, doc: parsed.data, state: current };

  const t = messages[locale].availability.errors;
  const errors: Record<string, string[]> = {};
  const raw = fieldErrors(parsed.error, locale);
  for (const issue of parsed.error.issues) {
    const [list, index, field] = issue.path;
    let name: string;
    let message = raw[fieldName(issue.path)]?.[0] ?? "";
    if (list === "weekly" && typeof index === "number") {
      name = field === undefined ? `weekly[${weeklyRows[index]}]` : rangeName(weeklyRows[index], String(field));
      if (field === undefined && issue.message.startsWith("overlaps")) message = t.overlap;
    } else if (list === "overrides" && typeof index === "number") {
      name = field === undefined ? `overrides[${overrideRows[index]}]` : overrideName(overrideRows[index], String(field));
      if (field === undefined && issue.message === "date listed twice") message = t.duplicate;
    } else name = fieldName(issue.path);
    const bucket = (errors[name] ??= []);
    if (message && !bucket.includes(message)) bucket.push(message);
  }
  return { state: current, errors };
}
