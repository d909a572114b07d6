// A booking's place and mode in words, in the page's (or the calendar file's) language: one place for
// the pages, the booking list, the dashboard and the .ics file.
import { facetLabel, type Locale } from "../../domain";
import type { BookingView } from "../models/booking-view";
import type { Messages } from "./messages";
import { roomWords } from "./when";

export function modeName(mode: string, locale: Locale): string {
  return facetLabel("mode", mode, locale);
}

/** "At the centre · 第一调解室", "On site · 六横镇", "Online". */
export function whereText(b: Pick<BookingView, "mode" | "town" | "room">, t: Messages, locale: Locale): string {
  if (b.mode === "onsite") return `${modeName(b.mode, locale)} · ${facetLabel("town", b.town ?? "", locale)}`;
  if (b.mode === "centre") return b.room ? `${t.booking.centre} · ${roomWords(b.room, locale)}` : t.booking.centre;
  return modeName(b.mode, locale);
}
