// Ordering a session. The check that a slot is free and the insert happen in ONE `BEGIN IMMEDIATE`
// transaction, so they hold across processes sharing the file; the database triggers of migration
// 0002 refuse an overlapping booking even if a check here were wrong.
import { and, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { localDateInZone } from "../../domain/zone";
import { z } from "zod";
import { immediate, preparedQueries, writeTransaction, type Db, type Tx } from "../../db/client";
import { bookings, cases, committees, mediators, rooms, users } from "../../db/schema";
import { CATEGORY_SLUGS, CENTRE_TIMEZONE, MODE_SLUGS, TOWN_SLUGS, type ModeSlug } from "../../domain";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { HOLDING, bookingTimeChanged, committeeMemberIds, slotContext } from "./availability.server";
import { iso, toBookingView, type BookingView } from "./booking-view";
import { notifyMediator, notifyUser } from "./notifications.server";
import { computeSlots } from "./slots";

export class BookingError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isoInstant = z.iso.datetime({ offset: true, message: "an ISO 8601 time with offset, e.g. 2026-12-01T09:00:00+08:00" });

export const createBookingSchema = z
  .object({
    mediatorId: z.number().int().positive().optional(),
    committeeId: z.number().int().positive().optional(),
    start: isoInstant,
    mode: z.enum(MODE_SLUGS),
    town: z.enum(TOWN_SLUGS).optional(),
    category: z.enum(CATEGORY_SLUGS),
    summary: z.string().trim().min(5, "describe the dispute in at least 5 characters").max(1000),
    counterpartyName: z.string().trim().max(60).optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,100}$/, "8–100 letters, digits or _ . : -")
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.mediatorId === undefined) === (v.committeeId === undefined))
      ctx.addIssue({ code: "custom", path: ["mediatorId"], message: "give exactly one of mediatorId and committeeId" });
    if (v.mode === "onsite" && !v.town) ctx.addIssue({ code: "custom", path: ["town"], message: "on-site sessions need a town" });
    if (v.mode !== "onsite" && v.town) ctx.addIssue({ code: "custom", path: ["town"], message: "a town applies to on-site sessions only" });
  });
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const reasonSchema = z.object({ reason: z.string().trim().min(2, "give a short reason").max(500) }).strict();
export const rescheduleSchema = z
  .object({ start: isoInstant, mode: z.enum(MODE_SLUGS).optional(), town: z.enum(TOWN_SLUGS).optional() })
  .strict();

// ── reading ────────────────────────────────────────────────────────────────────────────────────────

const ph = sql.placeholder;

// What every booking request runs, built once per connection (see preparedQueries).
const q = preparedQueries((db) => ({
  caseById: db
    .select()
    .from(cases)
    .where(eq(cases.id, ph("id")))
    .prepare(),
  mediatorName: db
    .select({ name: mediators.name })
    .from(mediators)
    .where(eq(mediators.id, ph("id")))
    .prepare(),
  roomName: db
    .select({ name: rooms.name })
    .from(rooms)
    .where(eq(rooms.id, ph("id")))
    .prepare(),
  userName: db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, ph("id")))
    .prepare(),
  activeMediator: db
    .select({ id: mediators.id })
    .from(mediators)
    .where(and(eq(mediators.id, ph("id")), eq(mediators.active, true)))
    .prepare(),
  byIdempotencyKey: db
    .select()
    .from(bookings)
    .where(and(eq(bookings.partyUserId, ph("party")), eq(bookings.idempotencyKey, ph("key"))))
    .prepare(),
  overdue: db
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, "pending"), lte(bookings.respondBy, ph("now"))))
    .prepare(),
  insertCase: db
    .insert(cases)
    .values({ partyUserId: ph("party"), category: ph("category"), summary: ph("summary"), counterpartyName: ph("counterparty") })
    .returning()
    .prepare(),
  insertBooking: db
    .insert(bookings)
    .values({
      caseId: ph("caseId"),
      partyUserId: ph("party"),
      mediatorId: ph("mediatorId"),
      committeeId: ph("committeeId"),
      roomId: ph("roomId"),
      startAt: ph("start"),
      endAt: ph("end"),
      mode: ph("mode"),
      town: ph("town"),
      status: "pending",
      assignmentReason: ph("reason"),
      respondBy: ph("respondBy"),
      idempotencyKey: ph("key"),
      rescheduledFromId: ph("from"),
    })
    .returning()
    .prepare(),
}));

type BookingRow = typeof bookings.$inferSelect;

function viewOf(db: Db | Tx, b: BookingRow, known: { case?: typeof cases.$inferSelect; partyName?: string } = {}): BookingView {
  const queries = q(db);
  const c = known.case ?? queries.caseById.get({ id: b.caseId })!;
  const m = queries.mediatorName.get({ id: b.mediatorId });
  const r = b.roomId ? queries.roomName.get({ id: b.roomId }) : undefined;
  const partyName = known.partyName ?? queries.userName.get({ id: b.partyUserId })?.name ?? "";
  return toBookingView(b, c, { mediatorName: m?.name ?? "", roomName: r?.name ?? null, partyName });
}

/** Who may see a booking, as a WHERE clause: its party, its mediator, or the centre's staff. */
function visibleTo(user: User) {
  if (user.role === "staff" || user.role === "admin") return sql`1 = 1`;
  if (user.role === "mediator") return eq(bookings.mediatorId, user.mediatorId ?? -1);
  return eq(bookings.partyUserId, user.id);
}

export function listBookings({ user, limit = 100 }: { user: User; limit?: number }): BookingView[] {
  const db = getDb();
  expireOverdue(db, Date.now());
  return db
    .select()
    .from(bookings)
    .where(visibleTo(user))
    .orderBy(desc(bookings.startAt))
    .limit(limit)
    .all()
    .map((b) => viewOf(db, b));
}

/** The booking if the user may see it; 404 when it does not exist, 403 when it is someone else's. */
export function getBooking({ user, id }: { user: User; id: number }): BookingView {
  const db = getDb();
  expireOverdue(db, Date.now());
  const row = db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, id), visibleTo(user)))
    .get();
  if (row) return viewOf(db, row);
  const exists = db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, id)).get();
  throw exists ? new BookingError(403, "forbidden", "This booking is not yours") : new BookingError(404, "not_found", "Booking not found");
}

// ── creating ───────────────────────────────────────────────────────────────────────────────────────

const localDate = (ms: number) => localDateInZone(ms, CENTRE_TIMEZONE);

/** Is `start` a free slot of this mediator for this mode (and town)? `ignoreBookings` asks "ever?". */
function slotFits(
  tx: Db | Tx,
  mediatorId: number,
  start: number,
  mode: ModeSlug,
  town: string | undefined,
  now: number,
  ignoreBookings = false,
) {
  const date = localDate(start);
  const ctx = slotContext(tx, mediatorId, date, date, mode);
  const slots = computeSlots({
    ...ctx,
    busy: ignoreBookings ? [] : ctx.busy,
    rooms: ignoreBookings && ctx.rooms ? { count: ctx.rooms.count, busy: [] } : ctx.rooms,
    now,
    from: date,
    to: date,
    mode,
  });
  const slot = slots.find((s) => s.start === start);
  if (!slot) return null;
  if (mode === "onsite" && !slot.towns.includes(town ?? "")) return null;
  return { slot, rules: ctx.rules };
}

/** Fair rotation for committee orders: fewest sessions held lately, then least recently assigned. */
function pickFairly(tx: Db | Tx, candidates: number[], now: number): number {
  const since = now - 30 * 86_400_000;
  const load = new Map(
    tx
      .select({ id: bookings.mediatorId, n: count(), last: sql<number>`max(${bookings.createdAt})` })
      .from(bookings)
      .where(and(inArray(bookings.mediatorId, candidates), inArray(bookings.status, [...HOLDING]), gte(bookings.startAt, since)))
      .groupBy(bookings.mediatorId)
      .all()
      .map((r) => [r.id, r]),
  );
  return [...candidates].sort((a, b) => {
    const la = load.get(a);
    const lb = load.get(b);
    return (la?.n ?? 0) - (lb?.n ?? 0) || (la?.last ?? 0) - (lb?.last ?? 0) || a - b;
  })[0];
}

function freeRoom(tx: Db | Tx, start: number, end: number): number | null {
  const taken = tx
    .select({ id: bookings.roomId })
    .from(bookings)
    .where(
      and(
        inArray(bookings.status, [...HOLDING]),
        sql`${bookings.roomId} is not null`,
        sql`${bookings.startAt} < ${end}`,
        sql`${bookings.endAt} > ${start}`,
      ),
    )
    .all()
    .map((r) => r.id);
  const room = tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(
      and(
        eq(rooms.active, true),
        taken.length
          ? sql`${rooms.id} not in (${sql.join(
              taken.map((t) => sql`${t}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .orderBy(rooms.id)
    .get();
  return room?.id ?? null;
}

function isTriggerRefusal(error: unknown): boolean {
  return String(error).includes("slot_taken");
}

export interface PlaceOptions {
  /** Rescheduling keeps the case and records where the booking came from. */
  reuseCase?: number;
  rescheduledFromId?: number;
}

type CreateArgs = { party: User; input: CreateBookingInput; now?: number } & PlaceOptions;
type Created = { booking: BookingView; replayed: boolean };

/** Orders a session in its own write transaction, or in the caller's (`tx`). */
export function createBooking(args: CreateArgs & { tx?: Tx }): Created {
  const place = (h: Db | Tx) => placeBooking(h, args.party, args.input, args.now ?? Date.now(), args);
  return guarded(args, () => (args.tx ? place(args.tx) : immediate(getDb(), place)));
}

/**
 * The same for request handlers: while another server process holds the write lock it waits without
 * stalling this process's other requests (see writeTransaction). The clock is read once the lock is
 * held, so a wait cannot make a slot pass its minimum notice unnoticed.
 */
export async function createBookingAsync(args: CreateArgs): Promise<Created> {
  const place = (h: Db) => placeBooking(h, args.party, args.input, args.now ?? Date.now(), args);
  return guarded(args, () => writeTransaction(getDb(), place));
}

/** Only parties order; the overlap triggers' refusal is the same 409 as the check's. */
function guarded<T>(args: CreateArgs, run: () => T): T {
  if (args.party.role !== "party") throw new BookingError(403, "forbidden", "Only parties order sessions");
  const refused = (error: unknown): never => {
    if (isTriggerRefusal(error)) throw new BookingError(409, "slot_taken", "Someone else holds this time; pick another slot");
    throw error;
  };
  try {
    const result = run();
    return (result instanceof Promise ? result.catch(refused) : result) as T;
  } catch (error) {
    return refused(error);
  }
}

function placeBooking(
  tx: Db | Tx,
  party: User,
  input: CreateBookingInput,
  now: number,
  opts: PlaceOptions,
): { booking: BookingView; replayed: boolean } {
  const start = Date.parse(input.start);
  if (input.idempotencyKey) {
    const prior = q(tx).byIdempotencyKey.get({ party: party.id, key: input.idempotencyKey });
    if (prior) {
      const same =
        prior.startAt === start &&
        prior.mode === input.mode &&
        (input.mediatorId ? prior.mediatorId === input.mediatorId && !prior.committeeId : prior.committeeId === input.committeeId);
      if (!same) throw new BookingError(422, "idempotency_mismatch", "This idempotencyKey was used for a different booking");
      return { booking: viewOf(tx, prior), replayed: true };
    }
  }
  expireOverdue(tx, now);
  let candidates: number[];
  if (input.mediatorId !== undefined) {
    const m = q(tx).activeMediator.get({ id: input.mediatorId });
    if (!m) throw new BookingError(404, "not_found", "Mediator not found");
    candidates = [m.id];
  } else {
    const c = tx
      .select({ id: committees.id })
      .from(committees)
      .where(and(eq(committees.id, input.committeeId!), eq(committees.active, true)))
      .get();
    if (!c) throw new BookingError(404, "not_found", "Committee not found");
    candidates = committeeMemberIds(tx, c.id);
  }
  const fits = new Map(candidates.map((id) => [id, slotFits(tx, id, start, input.mode, input.town, now)]));
  const free = candidates.filter((id) => fits.get(id));
  if (free.length === 0) {
    const ever = candidates.some((id) => slotFits(tx, id, start, input.mode, input.town, now, true));
    throw ever
      ? new BookingError(409, "slot_taken", "Someone else holds this time; pick another slot")
      : new BookingError(422, "not_available", "This time is not a free slot (past, outside hours, too soon, or wrong mode or town)");
  }
  const mediatorId = free.length === 1 ? free[0] : pickFairly(tx, free, now);
  const end = fits.get(mediatorId)!.slot.end;
  const roomId = input.mode === "centre" ? freeRoom(tx, start, end) : null;
  if (input.mode === "centre" && roomId === null) throw new BookingError(409, "slot_taken", "No room is free at the centre at this time");
  const queries = q(tx);
  const newCase = opts.reuseCase
    ? undefined
    : queries.insertCase.get({
        party: party.id,
        category: input.category,
        summary: input.summary,
        counterparty: input.counterpartyName || null,
      });
  const respondBy = Math.min(now + env().BOOKING_RESPONSE_HOURS * 3_600_000, start);
  const row = queries.insertBooking.get({
    caseId: newCase?.id ?? opts.reuseCase,
    party: party.id,
    mediatorId,
    committeeId: input.committeeId ?? null,
    roomId,
    start,
    end,
    mode: input.mode,
    town: input.town ?? null,
    reason: input.committeeId ? "committee-rotation" : "picked",
    respondBy,
    key: input.idempotencyKey ?? null,
    from: opts.rescheduledFromId ?? null,
  })!;
  bookingTimeChanged(tx, row, "held");
  const view = viewOf(tx, row, { case: newCase, partyName: party.name });
  const what = opts.rescheduledFromId ? `改期（原预约 #${opts.rescheduledFromId}）` : "新的调解预约请求";
  notifyMediator(tx, mediatorId, {
    subject: `${what} #${row.id}`,
    body: `${view.partyName} 预约了 ${view.start} 的调解（${input.mode}）。请在 ${iso(respondBy)} 前确认或婉拒。`,
    bookingId: row.id,
  });
  notifyUser(tx, party.id, {
    subject: `预约已提交 #${row.id}`,
    body: `您预约了 ${view.mediatorName} ${view.start} 的调解，等待调解员确认（${iso(respondBy)} 前）。`,
    bookingId: row.id,
  });
  return { booking: view, replayed: false };
}

// ── expiry ─────────────────────────────────────────────────────────────────────────────────────────

/** Are there pending requests past their response window? A read: no lock taken. */
export function hasOverdue(db: Db | Tx, now: number): boolean {
  return q(db).overdue.all({ now }).length > 0;
}

/** Pending requests past their response window expire and release their time. Idempotent. */
export function expireOverdue(db: Db | Tx, now: number): number {
  const overdue = q(db).overdue.all({ now });
  if (overdue.length === 0) return 0;
  const run = (tx: Tx | Db) => {
    for (const b of overdue) {
      const res = tx
        .update(bookings)
        .set({ status: "expired", updatedAt: new Date(now) })
        .where(and(eq(bookings.id, b.id), eq(bookings.status, "pending")))
        .run();
      if (res.changes === 0) continue;
      const msg = {
        subject: `预约 #${b.id} 已过期`,
        body: `调解员未在时限内答复，预约已自动取消、时段已释放。您可以选择其他调解员。`,
        bookingId: b.id,
      };
      notifyUser(tx, b.partyUserId, msg);
      notifyMediator(tx, b.mediatorId, msg);
    }
    for (const b of overdue) bookingTimeChanged(tx, b, "released");
  };
  // Inside a caller's transaction already (one connection per process)? Then just run; otherwise
  // take the write lock first.
  if (getDb().$client.inTransaction) run(db);
  else getDb().transaction((tx) => run(tx), { behavior: "immediate" });
  return overdue.length;
}
