// Deterministic default hours for demo mediators: mornings at the centre and online, some afternoons,
// and one on-site afternoon a week in the towns they serve (the island days). Pure data.
import type { DemoMediator } from "./demo-pool";

export interface DemoAvailability {
  overrides: [];
  weekly: { weekday: number; start: string; end: string; modes: ("centre" | "online" | "onsite")[]; towns: string[] }[];
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  horizonDays: number;
  dailyCap: number;
}

export function demoAvailability(m: DemoMediator, index: number): DemoAvailability {
  const desk = m.modes.filter((x): x is "centre" | "online" => x === "centre" || x === "online");
  const weekly: DemoAvailability["weekly"] = [];
  // Lawyers sit in the studio two or three mornings a week; the others most weekdays.
  const mornings = m.kind === "lawyer" ? [1 + (index % 5), 1 + ((index + 2) % 5)] : [1, 2, 3, 4, 5].filter((d) => d !== 1 + (index % 5));
  for (const d of [...new Set(mornings)].sort()) weekly.push({ weekday: d, start: "09:00", end: "12:00", modes: desk, towns: [] });
  const afternoon = 1 + ((index + 1) % 5);
  weekly.push({ weekday: afternoon, start: "14:00", end: "17:30", modes: desk, towns: [] });
  if (m.modes.includes("onsite") && m.towns.length) {
    const islandDay = 1 + ((index + 3) % 5);
    if (islandDay !== afternoon) weekly.push({ weekday: islandDay, start: "13:30", end: "17:00", modes: ["onsite"], towns: [...m.towns] });
  }
  // A few keep Saturday-morning online hours for people who work on weekdays.
  if (index % 4 === 0 && desk.includes("online")) weekly.push({ weekday: 6, start: "09:00", end: "11:30", modes: ["online"], towns: [] });
  return {
    overrides: [],
    weekly: weekly.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    // The first senior mediator is the one the demo's mediator account acts for: everyone trying the
    // demo (and every end-to-end test) books them, so their sessions are an hour, twice the times a day.
    sessionMinutes: index === 0 ? 60 : m.kind === "senior-mediator" ? 90 : 60,
    bufferMinutes: 15,
    minNoticeHours: index % 7 === 0 ? 4 : 24,
    horizonDays: 60,
    dailyCap: index === 0 ? 6 : m.kind === "lawyer" ? 3 : 4,
  };
}

/**
 * The mediators with short notice (4 hours, every seventh) confirm requests at once: a time that close
 * leaves no room to answer a request before it (ADR 029). Not the demo account's own mediator (index
 * 0), whose requests the demo and the end-to-end tests confirm by hand.
 */
export const demoInstantConfirm = (index: number) => index !== 0 && index % 7 === 0;

export const DEMO_ROOMS = ["第一调解室", "第二调解室", "第三调解室", "第四调解室（大）"];
