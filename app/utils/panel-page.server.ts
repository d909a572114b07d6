// The page side of 3+X joint panels (issue 9): what the panel pages, the case page and the dashboard
// read (each one model call with the signed-in viewer, so the model's query decides what is seen), the
// search form's query string parsed with zod, and a refusal worded for a page. HTTP adapters only.
import { CENTRE_TIMEZONE } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { Messages } from "~/i18n";
import type { User } from "~/models/auth.server";
import { DomainError } from "~/models/errors";
import { suggestPanelSchema } from "~/models/panel-schemas";
import type { PanelCandidateView, PanelListItem, PanelView } from "~/models/panel-types";
import { getCasePanel, getPanel, listPanels, replacementCandidates } from "~/models/panels.server";

const DAY = 86_400_000;
/** The lengths offered in the form (minutes; the schema takes any quarter hour from 30 to 480). */
export const PANEL_LENGTHS = [60, 90, 120, 180] as const;
export const FIXED_SEATS = ["judge", "chief-mediator", "legal-aid-lawyer"] as const;

/** The form's first values: tomorrow at the centre, two weeks, two hours. */
export function defaultSearch(now: number): { from: string; to: string; minutes: number } {
  return {
    from: localDateInZone(now + DAY, CENTRE_TIMEZONE),
    to: localDateInZone(now + 15 * DAY, CENTRE_TIMEZONE),
    minutes: 120,
  };
}

/**
 * The suggestion search in the URL (?seat=…&from=&to=&minutes=&search=1), parsed with the API's own
 * schema; `asked` is false until the form has been sent.
 */
export function readSearch(url: URL, caseId: number) {
  const seats = [...new Set(url.searchParams.getAll("seat"))];
  const raw = {
    from: url.searchParams.get("from") ?? "",
    to: url.searchParams.get("to") ?? "",
    minutes: url.searchParams.get("minutes") ?? "",
  };
  const asked = url.searchParams.has("search");
  if (!asked) return { asked, search: null, seats, raw };
  const parsed = suggestPanelSchema.safeParse({ caseId, roles: seats, from: raw.from, to: raw.to, minutes: Number(raw.minutes) });
  return { asked, search: parsed.success ? parsed.data : null, seats, raw };
}

/** One panel for the viewer (the model's query decides; someone else's is a 404). */
export function panelById(viewer: User, id: number): PanelView {
  const panel = getPanel(getDb(), { panelId: id, viewer });
  if (!panel) throw new Response(null, { status: 404 });
  return panel;
}

/** For each seat staff may refill: who can replace the declined member (by the declined person's id). */
export function replacementsFor(viewer: User, panel: PanelView, now: number): Record<number, PanelCandidateView[]> {
  const out: Record<number, PanelCandidateView[]> = {};
  for (const m of panel.members.filter((x) => x.replaceable))
    out[m.personId] = replacementCandidates(getDb(), { panelId: panel.id, declinedPersonId: m.personId, actor: viewer, now });
  return out;
}

/** The case page's panel (null: none, or not the viewer's to see). */
export function casePanelFor(viewer: User, caseId: number): PanelView | null {
  return getCasePanel(getDb(), { caseId, viewer });
}

/** The dashboard's invitations: panels from today on in which the viewer holds a seat. */
export function panelSeatsFor(viewer: User, now: number): PanelListItem[] {
  if (viewer.role !== "mediator") return [];
  return listPanels(getDb(), { viewer, from: now - DAY }).filter((p) => p.status === "booked" && p.members.some((m) => m.isViewer));
}

/** A refusal in the page's words; anything else is not ours to word. */
export function panelRefusal(error: unknown, t: Messages): { status: number; message: string } {
  if (!(error instanceof DomainError)) throw error;
  if (error.code === "not_found") throw new Response(null, { status: 404 });
  const e = t.panels.errors;
  const reason = error.detail?.field === "_" ? (error.detail.reason as string) : undefined;
  const message = (reason && e[reason]) || e[error.code] || e.illegal_transition;
  return { status: error.code === "forbidden" ? 403 : error.code === "invalid_input" ? 400 : 409, message };
}
