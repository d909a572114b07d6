// The centre's two long lists (issue 11): every booking (/bookings as staff) and every case
// (/staff/cases), filtered by status, date from/to (Beijing time), mediator and town, each choice with
// the count it would give with the other filters kept, a page at a time. The filters are conditions of
// the query here, and only staff and admins get past the first line: a party's or a mediator's
// /bookings is their own list (bookings.server.ts), whatever the query string says.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { bookings, caseParties, cases, mediators } from "../../db/schema";
import { BOOKING_STATUSES, CASE_CHANNELS, CASE_STATUSES, CATEGORY_SLUGS, CENTRE_TIMEZONE, TOWN_SLUGS, type CaseStatus } from "../../domain";
import { isoInZone, localMidnightAt } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import type { BookingView } from "./booking-view";
import { readBooking } from "./bookings.server";
import { allowedMoves } from "./case-rules";
import { DUE_SOON_DAYS } from "./case-queue.server";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";

const DAY = 86_400_000;
export const STAFF_PER_PAGE = 20;
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A calendar date "YYYY-MM-DD" that exists (2026-02-30 does not). */
const day = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat)
    .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, ISSUES.dateUnreal)
    .optional(),
);

/** The filters both lists share; `to` before `from` is an error on `to`. */
const common = {
  from: day,
  to: day,
  mediator: z.preprocess(blank, z.coerce.number().int().positive().max(1e9).optional()),
  town: z.preprocess(blank, z.enum(TOWN_SLUGS).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
};
const toNotBeforeFrom = (v: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.toBeforeFrom });
};

/** /bookings?status&from&to&mediator&town&page, as staff use it; unknown keys are refused. */
export const staffBookingsSchema = z
  .object({ status: z.preprocess(blank, z.enum(BOOKING_STATUSES).optional()), ...common })
  .strict()
  .superRefine(toNotBeforeFrom);
export type StaffBookingsQuery = z.infer<typeof staffBookingsSchema>;

export const QUEUE_SORTS = ["oldest", "newest", "due"] as const;
/** /staff/cases?status&category&channel&due=soon&sort&from&to&mediator&town&page; unknown keys are refused. */
export const caseQueueSchema = z
  .object({
    status: z.preprocess(blank, z.enum(CASE_STATUSES).optional()),
    category: z.preprocess(blank, z.enum(CATEGORY_SLUGS).optional()),
    channel: z.preprocess(blank, z.enum(CASE_CHANNELS).optional()),
    due: z.preprocess(blank, z.literal("soon").optional()),
    sort: z.preprocess(blank, z.enum(QUEUE_SORTS).default("oldest")),
    ...common,
  })
  .strict()
  .superRefine(toNotBeforeFrom);
export type CaseQueueQuery = z.infer<typeof caseQueueSchema>;

function requireStaff(user: User) {
  if (user.role !== "staff" && user.role !== "admin") throw new DomainError("forbidden", "These lists are the centre's staff's");
}

/** [start, end) of the Beijing days from..to, as epoch ms (either end open when not given). */
function range(q: { from?: string; to?: string }) {
  const midnight = (d: string, plus = 0) => localMidnightAt(Date.parse(`${d}T00:00:00Z`) + plus, CENTRE_TIMEZONE);
  return { start: q.from ? midnight(q.from) : undefined, end: q.to ? midnight(q.to, DAY) : undefined };
}

/** The filters as conditions, and `except(f)`: all of them but `f` (for the counts of f's values). */
function conditionsOf<F extends string>(conditions: Record<F, SQL | undefined>) {
  return (left?: F) => and(...(Object.keys(conditions) as F[]).filter((f) => f !== left).map((f) => conditions[f]));
}

type Where = SQL | undefined;
const countBy = (rows: { key: unknown; n: number }[]) =>
  Object.fromEntries(rows.map((r) => [String(r.key), r.n])) as Record<string, number>;

/** The mediators the other filters leave, each with its count, most first (the mediator filter's choices). */
function mediatorCounts(column: AnySQLiteColumn, from: typeof bookings | typeof cases, where: Where, join?: SQL) {
  const db = getDb();
  const base = db.select({ id: mediators.id, name: mediators.name, n: count() }).from(from);
  const joined = join ? base.innerJoin(cases, join) : base;
  return joined
    .innerJoin(mediators, eq(mediators.id, column))
    .where(where)
    .groupBy(mediators.id)
    .orderBy(desc(count()), asc(mediators.id))
    .all();
}

// ── every booking ─────────────────────────────────────────────────────────────────────────────────

/** The status a booking reads as at `now` (a pending request past its deadline reads as expired). */
const effective = (now: number) =>
  sql<string>`case when ${bookings.status} = 'pending' and ${bookings.respondBy} <= ${now} then 'expired' else ${bookings.status} end`;

export function staffBookings({ user, query, now }: { user: User; query: StaffBookingsQuery; now: number }): {
  bookings: BookingView[];
  total: number;
  page: number;
  pages: number;
  counts: {
    status: Record<string, number>;
    town: Record<string, number>;
    mediators: { id: number; name: string; n: number }[];
    all: number;
  };
} {
  requireStaff(user);
  const db = getDb();
  const { start, end } = range(query);
  const status = effective(now);
  const except = conditionsOf({
    status: query.status ? eq(status, query.status) : undefined,
    from: start === undefined ? undefined : gte(bookings.startAt, start),
    to: end === undefined ? undefined : lt(bookings.startAt, end),
    mediator: query.mediator ? eq(bookings.mediatorId, query.mediator) : undefined,
    // A town is the party's (the case's) or the on-site session's.
    town: query.town ? or(eq(bookings.town, query.town), eq(cases.town, query.town)) : undefined,
  });
  const where = except();
  const onCase = eq(cases.id, bookings.caseId);
  const ids = db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(cases, onCase)
    .where(where)
    .orderBy(desc(bookings.startAt), desc(bookings.id))
    .limit(STAFF_PER_PAGE)
    .offset((query.page - 1) * STAFF_PER_PAGE)
    .all();
  const total = db.select({ n: count() }).from(bookings).innerJoin(cases, onCase).where(where).get()?.n ?? 0;
  const grouped = (key: SQL | AnySQLiteColumn, w: Where) =>
    countBy(db.select({ key, n: count() }).from(bookings).innerJoin(cases, onCase).where(w).groupBy(key).all());
  // Each row read the one way every booking page reads it (the viewer's visibility and actions included).
  const views = ids.map((r) => readBooking(db, user, r.id, now)).filter((v): v is BookingView => v !== null);
  return {
    bookings: views,
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / STAFF_PER_PAGE)),
    counts: {
      status: grouped(status, except("status")),
      town: grouped(sql`coalesce(${bookings.town}, ${cases.town})`, except("town")),
      mediators: mediatorCounts(bookings.mediatorId, bookings, except("mediator"), onCase),
      all: db.select({ n: count() }).from(bookings).innerJoin(cases, onCase).where(except("status")).get()?.n ?? 0,
    },
  };
}

// ── every case ────────────────────────────────────────────────────────────────────────────────────

/**
 * Every case for the centre's staff, oldest first unless asked otherwise. "Due soon" is an open case
 * whose time ends within DUE_SOON_DAYS of `now` or has ended; each row says which.
 */
export function caseQueue({ user, query, now }: { user: User; query: CaseQueueQuery; now: number }) {
  requireStaff(user);
  const db = getDb();
  const { start, end } = range(query);
  const dueSoon = and(ne(cases.status, "closed"), isNotNull(cases.dueAt), lte(cases.dueAt, now + DUE_SOON_DAYS * DAY))!;
  const except = conditionsOf({
    status: query.status ? eq(cases.status, query.status) : undefined,
    category: query.category ? eq(cases.category, query.category) : undefined,
    channel: query.channel ? eq(cases.channel, query.channel) : undefined,
    due: query.due ? dueSoon : undefined,
    from: start === undefined ? undefined : gte(cases.createdAt, new Date(start)),
    to: end === undefined ? undefined : lt(cases.createdAt, new Date(end)),
    mediator: query.mediator ? eq(cases.mediatorId, query.mediator) : undefined,
    town: query.town ? eq(cases.town, query.town) : undefined,
  });
  const where = except();
  const order =
    query.sort === "newest"
      ? [desc(cases.createdAt), desc(cases.id)]
      : query.sort === "due"
        ? [sql`${cases.dueAt} is null`, asc(cases.dueAt), asc(cases.id)]
        : [asc(cases.createdAt), asc(cases.id)];
  const rows = db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      outcome: cases.outcome,
      category: cases.category,
      channel: cases.channel,
      severity: cases.severity,
      town: cases.town,
      createdAt: cases.createdAt,
      dueAt: cases.dueAt,
      mediatorId: cases.mediatorId,
      mediatorName: mediators.name,
    })
    .from(cases)
    .leftJoin(mediators, eq(mediators.id, cases.mediatorId))
    .where(where)
    .orderBy(...order)
    .limit(STAFF_PER_PAGE)
    .offset((query.page - 1) * STAFF_PER_PAGE)
    .all();
  const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  const parties = rows.length
    ? db
        .select({ caseId: caseParties.caseId, side: caseParties.side, name: caseParties.name, consent: caseParties.consent })
        .from(caseParties)
        .where(
          inArray(
            caseParties.caseId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(caseParties.id))
        .all()
    : [];
  const grouped = (column: AnySQLiteColumn, w: Where) =>
    countBy(db.select({ key: column, n: count() }).from(cases).where(w).groupBy(column).all());
  const counts = {
    status: grouped(cases.status, except("status")),
    category: grouped(cases.category, except("category")),
    channel: grouped(cases.channel, except("channel")),
    town: grouped(cases.town, except("town")),
    mediators: mediatorCounts(cases.mediatorId, cases, except("mediator")),
    due:
      db
        .select({ n: count() })
        .from(cases)
        .where(and(except("due"), dueSoon))
        .get()?.n ?? 0,
    all: db.select({ n: count() }).from(cases).where(except("status")).get()?.n ?? 0,
  };
  return {
    cases: rows.map((r) => {
      const events = allowedMoves({ status: r.status, outcome: r.outcome, mediatorId: r.mediatorId, confirmation: null }, "staff");
      const mine = parties.filter((p) => p.caseId === r.id);
      return {
        id: r.id,
        number: r.number ?? "",
        status: r.status as CaseStatus,
        outcome: r.outcome,
        category: r.category,
        channel: r.channel,
        severity: r.severity,
        town: r.town,
        createdAt: isoInZone(r.createdAt.getTime(), CENTRE_TIMEZONE),
        dueAt: r.dueAt === null ? null : isoInZone(r.dueAt, CENTRE_TIMEZONE),
        due:
          r.status === "closed" || r.dueAt === null
            ? null
            : r.dueAt < now
              ? ("overdue" as const)
              : r.dueAt <= now + DUE_SOON_DAYS * DAY
                ? ("soon" as const)
                : null,
        mediator: r.mediatorId ? { id: r.mediatorId, name: r.mediatorName ?? "" } : null,
        applicants: mine.filter((p) => p.side === "applicant").map((p) => p.name),
        respondents: mine.filter((p) => p.side === "respondent").map((p) => ({ name: p.name, consent: p.consent })),
        /** Staff may record a respondent's answer given in person or by phone. */
        canRecordAnswer: r.status === "submitted" ? events.includes("agree-mediator") : events.includes("refuse"),
      };
    }),
    counts,
    total,
    page: query.page,
    perPage: STAFF_PER_PAGE,
    pages: Math.max(1, Math.ceil(total / STAFF_PER_PAGE)),
  };
}

/** Which fields of a list's query string are wrong (or not filters at all), and the query without them. */
export function parseStaffQuery<S extends typeof staffBookingsSchema | typeof caseQueueSchema>(
  schema: S,
  params: URLSearchParams,
): { query: z.infer<S>; bad: string[] } {
  const asked: Record<string, string> = Object.fromEntries(params);
  const parsed = schema.safeParse(asked);
  if (parsed.success) return { query: parsed.data as z.infer<S>, bad: [] };
  const bad = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") for (const k of issue.keys) bad.add(k);
    else bad.add(String(issue.path[0] ?? ""));
  }
  for (const k of bad) delete asked[k];
  const again = schema.safeParse(asked);
  return { query: (again.success ? again.data : schema.parse({})) as z.infer<S>, bad: [...bad] };
}
