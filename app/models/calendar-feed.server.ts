// A mediator's private calendar feed (issue 11, ADR 031): a secret address a calendar app subscribes to,
// listing the mediator's sessions from a month back to half a year ahead. The token is shown once and
// only its SHA-256 is kept; making a new one revokes the old, and revoking ends it at once. A feed is
// read by a calendar service, not by a person signed in, so it carries no party's name or phone: the
// case number and the booking page's link lead the mediator to them.
import crypto from "node:crypto";
import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { bookings, calendarFeeds, cases, mediators, rooms, users } from "../../db/schema";
import { getDb } from "../db.server";
import { RateLimitedError, type User } from "./auth.server";
import { effectiveStatus } from "./booking-rules";
import { bookingPageUrl, onlineRoomUrl } from "./centre-info.server";
import { DomainError } from "./errors";
import { consume, type Limit } from "./rate-limit.server";

const DAY = 86_400_000;
/** The feed's window: recent sessions stay (the calendar keeps its history), then half a year ahead. */
export const FEED_PAST_MS = 31 * DAY;
export const FEED_AHEAD_MS = 183 * DAY;
/** Calendar apps poll every 15 minutes to a day; a minute's worth of polls per feed is plenty. */
export const FEED_READS: Limit = { max: 30, windowMs: 3_600_000 };
/** Guessing tokens from one address is slowed down whatever the token. */
export const FEED_READS_PER_ADDRESS: Limit = { max: 300, windowMs: 3_600_000 };

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function requireMediator(user: User): number {
  if (user.role !== "mediator" || user.mediatorId === null) throw new DomainError("forbidden", "Only a mediator has a calendar feed");
  return user.mediatorId;
}

export interface FeedState {
  createdAt: number;
  lastUsedAt: number | null;
}

/** The viewer's live feed (not its token, which is never kept), or null. */
export function feedOf({ user }: { user: User }): FeedState | null {
  requireMediator(user);
  const row = getDb()
    .select({ createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, user.id), isNull(calendarFeeds.revokedAt)))
    .orderBy(calendarFeeds.id)
    .get();
  return row ?? null;
}

/** A new feed for the mediator; any older one stops working. Returns the token, shown this once. */
export async function createFeed({ user, now }: { user: User; now: number }): Promise<{ token: string }> {
  requireMediator(user);
  const token = crypto.randomBytes(24).toString("base64url");
  await writeTransaction(getDb(), (tx) => {
    tx.update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, user.id), isNull(calendarFeeds.revokedAt)))
      .run();
    tx.insert(calendarFeeds)
      .values({ userId: user.id, tokenHash: hash(token), createdAt: now })
      .run();
  });
  return { token };
}

/** Ends the mediator's feed; returns how many were live (0 when there was none). */
export async function revokeFeed({ user, now }: { user: User; now: number }): Promise<number> {
  requireMediator(user);
  return writeTransaction(getDb(), (tx) =>
    tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.userId, user.id), isNull(calendarFeeds.revokedAt)))
      .run(),
  ).then((r) => r.changes);
}

/** A session as the feed lists it: the booking's facts, no party's personal data. */
/**
 * A session as a calendar file shows it (app/utils/booking-ics.server.ts writes it; the layers let a
 * route's helper import a model's type, not the other way round, so the type lives here).
 */
export interface IcsSession {
  id: number;
  start: number;
  end: number;
  status: string;
  mode: string;
  town: string | null;
  room: string | null;
  meetingPoint: string | null;
  /** The online room's address (online sessions). */
  roomLink: string | null;
  category: string;
  caseNumber: string;
  mediatorName: string;
  /** Left out of a mediator's feed: the feed's address may end up stored by a calendar service. */
  partyName: string | null;
  /** The booking page, where the session is managed. */
  link: string;
}

/** A feed's session: never the party's name. */
export type FeedSession = IcsSession & { partyName: null };

/**
 * The sessions behind a feed token, or not_found for a token revoked, unknown or of an account that is
 * no longer an active mediator. Each read is counted (per feed and per address) and stamps the feed's
 * last use, in one write transaction.
 */
export async function readFeed({
  token,
  address,
  now,
}: {
  token: string;
  address: string;
  now: number;
}): Promise<{ locale: "zh" | "en"; sessions: FeedSession[] }> {
  const db = getDb();
  // The counts commit whatever the answer (a refusal thrown inside would roll them back).
  const feed = await writeTransaction(db, (tx) => {
    const perAddress = consume(tx, `calendar-feed-address:${address}`, FEED_READS_PER_ADDRESS, now);
    if (perAddress.retryAfter > 0) return { kind: "limited", retryAfter: perAddress.retryAfter } as const;
    const tokenHash = hash(token);
    const row = tx
      .select({ id: calendarFeeds.id, mediatorId: users.mediatorId, locale: users.locale })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(
        and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), eq(users.role, "mediator"), isNull(users.disabledAt)),
      )
      .get();
    if (!row || row.mediatorId === null) return { kind: "missing" } as const;
    const perFeed = consume(tx, `calendar-feed:${tokenHash.slice(0, 32)}`, FEED_READS, now);
    if (perFeed.retryAfter > 0) return { kind: "limited", retryAfter: perFeed.retryAfter } as const;
    tx.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.id, row.id)).run();
    return { kind: "ok", mediatorId: row.mediatorId, locale: row.locale } as const;
  });
  if (feed.kind === "limited") throw new RateLimitedError(feed.retryAfter);
  if (feed.kind === "missing") throw new DomainError("not_found", "No such calendar feed");
  const rows = db
    .select({ b: bookings, room: rooms.name, category: cases.category, number: cases.number, mediatorName: mediators.name })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .innerJoin(mediators, eq(mediators.id, bookings.mediatorId))
    .leftJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(
      and(
        eq(bookings.mediatorId, feed.mediatorId),
        inArray(bookings.status, ["pending", "confirmed", "cancelled"]),
        gte(bookings.startAt, now - FEED_PAST_MS),
        lte(bookings.startAt, now + FEED_AHEAD_MS),
      ),
    )
    .orderBy(bookings.startAt)
    .limit(1000)
    .all();
  const sessions = rows.map(({ b, room, category, number, mediatorName }) => ({
    id: b.id,
    start: b.startAt,
    end: b.endAt,
    // A request past its answer deadline reads as expired: the calendar shows it as off.
    status: effectiveStatus(b, now),
    mode: b.mode,
    town: b.town,
    room,
    meetingPoint: b.meetingPoint,
    roomLink: b.mode === "online" ? onlineRoomUrl(b.id) : null,
    category,
    caseNumber: number ?? "",
    mediatorName,
    partyName: null,
    link: bookingPageUrl(b.id),
  }));
  // The feed speaks the mediator's language, as their notifications do.
  return { locale: feed.locale, sessions };
}
