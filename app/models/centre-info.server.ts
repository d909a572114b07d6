// The sea as the /centre page tells it (issue 11): the ferry suspensions in force now or starting in the
// next two days, so an island party sees "no boats to 东极镇 until …" before setting out. A read only:
// staff declare and lift suspensions on /staff/sea (./sea.server.ts). `now` is an argument.
import crypto from "node:crypto";
import { and, gt, isNull, lt, or } from "drizzle-orm";
import { seaSuspensions } from "../../db/schema";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { iso } from "./booking-view";
import { stillUntil } from "./sea-rules";

/** How far ahead a declared suspension is already worth a notice. */
const LOOKAHEAD_MS = 48 * 3_600_000;

export interface SeaNotice {
  towns: string[];
  from: string;
  until: string;
  /** In force at `now` (otherwise it starts within the next two days). */
  now: boolean;
  note: string;
}

export function seaNotices({ now }: { now: number }): SeaNotice[] {
  const rows = getDb()
    .select()
    .from(seaSuspensions)
    .where(
      and(
        lt(seaSuspensions.fromAt, now + LOOKAHEAD_MS),
        gt(seaSuspensions.toAt, now),
        or(isNull(seaSuspensions.liftedAt), gt(seaSuspensions.liftedAt, now)),
      ),
    )
    .orderBy(seaSuspensions.fromAt)
    .all();
  return rows
    .filter((s) => stillUntil(s) > now && stillUntil(s) > s.fromAt)
    .map((s) => ({ towns: s.towns, from: iso(s.fromAt), until: iso(stillUntil(s)), now: s.fromAt <= now, note: s.note }));
}

/**
 * The online room of a booking: a stable address derived from the booking id with an HMAC, so it cannot
 * be guessed from the id and needs no stored column (ADR 025). The secret comes from ROOM_LINK_SECRET;
 * without it (development, tests) a fixed development key is used, which a production deployment must
 * replace. Only callers that already hold the booking view (its party, mediator, staff) ask for it.
 */
export function onlineRoomUrl(bookingId: number): string {
  const secret = env().ROOM_LINK_SECRET;
  const token = crypto.createHmac("sha256", secret).update(`room:${bookingId}`).digest("base64url").slice(0, 22);
  const base = env().ROOM_BASE_URL;
  return `${base}/${token}`;
}

/** The booking page's address for the slip's QR code: staff at the window scan it; no personal data in it. */
export const bookingPageUrl = (bookingId: number) => `${env().PUBLIC_URL}/bookings/${bookingId}`;
