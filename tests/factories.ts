// Test factories (the Epic Stack's tests/db-utils.ts way): each test makes the party, mediator, hours,
// committee, case and booking it needs, so what it asserts is known from the data it built and holds on
// any date and at any time of day. Rows are written with the models' own writers where one exists
// (availability, the cached next free slot, a booking's effect on it, the search outbox, sessions), so
// a factory-made mediator is one the site itself could have made. The demo seed may reuse these.
//
// Time: every factory that depends on the clock takes `now` (epoch ms); read the clock once in the
// test and pass it along.
import { hashSync } from "@node-rs/argon2";
import { DateTime } from "luxon";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import {
  agreements,
  bookings,
  caseAssignments,
  caseParties,
  cases,
  committeeCategories,
  committeeMembers,
  committees,
  mediatorCategories,
  mediatorLanguages,
  mediatorModes,
  mediators,
  mediatorTowns,
  instalments,
  judicialConfirmations,
  obligations,
  ratings,
  recusals,
  rooms,
  users,
} from "../db/schema";
import {
  CENTRE_TIMEZONE,
  MODE_SLUGS,
  TOWN_SLUGS,
  type CaseOutcome,
  type FulfilmentResult,
  type Severity,
  type CategorySlug,
  type LanguageSlug,
  type MediatorKind,
  type ModeSlug,
  type TownSlug,
} from "../domain";
import { namePinyin } from "../domain/pinyin";
import { isoInZone, localDateInZone } from "../domain/zone";
import { recordSearchChange } from "../search/outbox";
import { availabilitySchema, type AvailabilityDocument } from "../app/models/availability-schema";
import {
  bookingTimeChanged,
  committeeSlots,
  loadAvailability,
  mediatorSlots,
  refreshNextAvailable,
  writeAvailability,
} from "../app/models/availability.server";
import { insertSession, type Role, type User } from "../app/models/auth.server";
import { refreshRecords } from "../app/models/records.server";

/** Every factory-made account signs in with this. */
export const FACTORY_PASSWORD = "factory-password-1";
let passwordHash: string | undefined;
const hashed = () => (passwordHash ??= hashSync(FACTORY_PASSWORD));

let serial = 0;
/** A number unique in this test process: unique emails and names without coordination. */
const next = () => ++serial;

// Names read as Chinese names (search and pinyin treat them like real ones), unique per process.
const SURNAMES = "赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜";
const GIVEN = "安宁静远晨曦澜涛岚峰梓涵若溪沐辰嘉禾清扬星河";
function personName(n: number): string {
  const s = SURNAMES[n % SURNAMES.length];
  const a = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  const b = GIVEN[(n * 7 + 3) % GIVEN.length];
  return `${s}${a}${b}`;
}

// ── accounts ───────────────────────────────────────────────────────────────────────────────────────

export interface Account {
  user: User;
  email: string;
  password: string;
  /**
   * A live API bearer token: a row of `sessions` in `db`, made by the model's insertSession (routes
   * read the process's database, so `db` should be the file freshDatabase() named).
   */
  token: string;
}

export interface AccountOverrides {
  email?: string;
  name?: string;
  phone?: string | null;
  /** Make no token (a test about signing in makes its own). */
  token?: false;
  /** When the token is issued (it lives TOKEN_TTL_HOURS from then). Default: the clock now. */
  now?: number;
  /** The language their notifications are written in. Default: zh. */
  locale?: "zh" | "en";
}

/** An account of any role; `mediatorId` links a mediator account to its record. */
export function createAccount(db: Db | Tx, role: Role, overrides: AccountOverrides & { mediatorId?: number } = {}): Account {
  const n = next();
  const email = (overrides.email ?? `${role}-${n}-${process.pid}@factory.test`).toLowerCase();
  const row = db
    .insert(users)
    .values({
      email,
      passwordHash: hashed(),
      name: overrides.name ?? `${personName(n + 100)}（测试${role}）`,
      phone: overrides.phone === undefined ? null : overrides.phone,
      role,
      mediatorId: overrides.mediatorId ?? null,
      locale: overrides.locale ?? "zh",
    })
    .returning({ id: users.id, email: users.email, name: users.name, phone: users.phone, role: users.role, mediatorId: users.mediatorId })
    .get();
  const token = overrides.token === false ? "" : insertSession(db, row.id, "token", overrides.now ?? Date.now()).secret;
  return { user: row, email, password: FACTORY_PASSWORD, token };
}

/** A party (someone in a dispute) who can order sessions. */
export const createParty = (db: Db | Tx, overrides: AccountOverrides = {}) => createAccount(db, "party", overrides);
export const createStaff = (db: Db | Tx, overrides: AccountOverrides = {}) => createAccount(db, "staff", overrides);

// ── mediators and their hours ──────────────────────────────────────────────────────────────────────

export interface Hours {
  start: string; // HH:MM, Asia/Shanghai
  end: string; // HH:MM; at or before start runs past midnight
}

/** The whole day: every slot from 00:00 to 23:00 (a 60-minute session ends by 23:59). */
export const ALL_DAY: Hours = { start: "00:00", end: "23:59" };

export interface MediatorOptions {
  kind?: MediatorKind;
  name?: string;
  title?: string;
  organisation?: string | null;
  bio?: string;
  yearsOfExperience?: number;
  active?: boolean;
  categories?: CategorySlug[];
  languages?: LanguageSlug[];
  /** The modes offered (and, unless `weekly` says otherwise, offered in every hour). Default: all three. */
  modes?: ModeSlug[];
  /** Towns served on site. Default: every town when `onsite` is offered. */
  towns?: TownSlug[];
  /**
   * Weekly hours: the same hours every day of the week, hours per weekday (1 = Monday … 7 = Sunday;
   * a missing day has none), or the exact ranges of the availability document. Default: ALL_DAY.
   * `false`: the mediator has no availability at all (no settings row, so no slots).
   */
  weekly?: Hours | Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Hours>> | AvailabilityDocument["weekly"] | false;
  overrides?: AvailabilityDocument["overrides"];
  sessionMinutes?: number;
  bufferMinutes?: number;
  minNoticeHours?: number;
  horizonDays?: number;
  dailyCap?: number;
  /** Also make the mediator's own account (role mediator, linked to this record). */
  account?: boolean | AccountOverrides;
  now: number;
}

export interface MediatorFixture {
  id: number;
  name: string;
  kind: MediatorKind;
  categories: CategorySlug[];
  modes: ModeSlug[];
  towns: TownSlug[];
  /** The document written through writeAvailability, null with `weekly: false`. */
  availability: AvailabilityDocument | null;
  account?: Account;
}

function weeklyRanges(o: MediatorOptions, modes: ModeSlug[], towns: TownSlug[]): AvailabilityDocument["weekly"] {
  const w = o.weekly ?? ALL_DAY;
  if (w === false) return [];
  if (Array.isArray(w)) return w;
  const forDay = (weekday: number, h: Hours) => ({
    weekday,
    start: h.start,
    end: h.end,
    modes,
    towns: modes.includes("onsite") ? towns : [],
  });
  if ("start" in w && typeof w.start === "string") return [1, 2, 3, 4, 5, 6, 7].map((d) => forDay(d, w as Hours));
  const perDay = w as Partial<Record<number, Hours>>;
  return [1, 2, 3, 4, 5, 6, 7].flatMap((d) => (perDay[d] ? [forDay(d, perDay[d]!)] : []));
}

/**
 * A mediator record with its categories, languages, modes and towns, its availability (written by
 * the model's writeAvailability after the model's own schema check), its cached next free slot, and
 * the search outbox row that brings it into the index. Defaults: a senior mediator for labour
 * disputes, every mode, every town, open all day every day, 60-minute sessions, no buffer, 2 hours'
 * notice, 60 days ahead, 24 a day.
 */
export function createMediator(db: Db, o: MediatorOptions): MediatorFixture {
  const n = next();
  const kind = o.kind ?? "senior-mediator";
  const name = o.name ?? personName(n);
  const modes = o.modes ?? [...MODE_SLUGS];
  const towns = o.towns ?? (modes.includes("onsite") ? [...TOWN_SLUGS] : []);
  const categories = o.categories ?? ["labour"];
  const languages = o.languages ?? ["mandarin"];
  const availability =
    o.weekly === false
      ? null
      : availabilitySchema.parse({
          weekly: weeklyRanges(o, modes, towns),
          overrides: o.overrides ?? [],
          sessionMinutes: o.sessionMinutes ?? 60,
          bufferMinutes: o.bufferMinutes ?? 0,
          minNoticeHours: o.minNoticeHours ?? 2,
          horizonDays: o.horizonDays ?? 60,
          dailyCap: o.dailyCap ?? 24,
        });
  const id = db.transaction((tx) => {
    const { id } = tx
      .insert(mediators)
      .values({
        kind,
        name,
        namePinyin: namePinyin(name),
        title: o.title ?? "测试调解员",
        organisation: o.organisation === undefined ? "测试调解中心" : o.organisation,
        bio: o.bio ?? "",
        yearsOfExperience: o.yearsOfExperience ?? 10,
        active: o.active ?? true,
      })
      .returning({ id: mediators.id })
      .get();
    if (categories.length)
      tx.insert(mediatorCategories)
        .values(categories.map((categorySlug) => ({ mediatorId: id, categorySlug })))
        .run();
    if (languages.length)
      tx.insert(mediatorLanguages)
        .values(languages.map((languageSlug) => ({ mediatorId: id, languageSlug })))
        .run();
    if (modes.length)
      tx.insert(mediatorModes)
        .values(modes.map((mode) => ({ mediatorId: id, mode })))
        .run();
    if (towns.length)
      tx.insert(mediatorTowns)
        .values(towns.map((townSlug) => ({ mediatorId: id, townSlug })))
        .run();
    if (availability) {
      writeAvailability(tx, id, availability, o.now);
      refreshNextAvailable(tx, [id], o.now);
    }
    recordSearchChange(tx, "mediator", [id]);
    return id;
  });
  const account = o.account
    ? createAccount(db, "mediator", { now: o.now, ...(o.account === true ? {} : o.account), mediatorId: id })
    : undefined;
  return { id, name, kind, categories, modes, towns, availability, account };
}

export interface CommitteeOptions {
  name?: string;
  description?: string;
  organisation?: string | null;
  categories?: CategorySlug[];
  /** Mediator ids; the first chairs. */
  members: number[];
  active?: boolean;
}

/** A mediation committee with its members (the first is the chair) and its search outbox row. */
export function createCommittee(db: Db, o: CommitteeOptions): { id: number; name: string; members: number[] } {
  const name = o.name ?? `测试第${next()}调解委员会`;
  const id = db.transaction((tx) => {
    const { id } = tx
      .insert(committees)
      .values({
        name,
        namePinyin: namePinyin(name, "organisation"),
        description: o.description ?? "",
        organisation: o.organisation === undefined ? "测试调解中心" : o.organisation,
        active: o.active ?? true,
      })
      .returning({ id: committees.id })
      .get();
    tx.insert(committeeCategories)
      .values((o.categories ?? ["labour"]).map((categorySlug) => ({ committeeId: id, categorySlug })))
      .run();
    if (o.members.length)
      tx.insert(committeeMembers)
        .values(
          o.members.map((mediatorId, i) => ({ committeeId: id, mediatorId, role: i === 0 ? ("chair" as const) : ("member" as const) })),
        )
        .run();
    recordSearchChange(tx, "committee", [id]);
    return id;
  });
  return { id, name, members: o.members };
}

/** A room at the centre (centre sessions need a free one). */
export function createRoom(db: Db, name = `测试调解室 ${next()}`): number {
  return db.insert(rooms).values({ name }).returning({ id: rooms.id }).get().id;
}

// ── cases and bookings ─────────────────────────────────────────────────────────────────────────────

export interface CaseOptions {
  partyUserId: number;
  category?: CategorySlug;
  summary?: string;
  counterpartyName?: string | null;
}

export function createCase(db: Db | Tx, o: CaseOptions): typeof cases.$inferSelect {
  return db
    .insert(cases)
    .values({
      filedByUserId: o.partyUserId,
      category: o.category ?? "labour",
      description: o.summary ?? "拖欠工资三个月未发",
      counterpartyName: o.counterpartyName === undefined ? "某水产公司" : o.counterpartyName,
    })
    .returning()
    .get();
}

export interface BookingOptions {
  partyUserId: number;
  mediatorId: number;
  /** Epoch ms or an ISO instant; the end is start + the mediator's session length. */
  start: number | string;
  mode?: ModeSlug;
  town?: TownSlug;
  status?: "pending" | "confirmed";
  caseId?: number;
  committeeId?: number;
  /** Default for a centre session: the first active room free at that time. */
  roomId?: number | null;
  respondBy?: number;
  now: number;
}

/**
 * A pending or confirmed booking at a given start, written as a row (no slot check: a test may want a
 * booking the rules would refuse today, e.g. one that has started). The database's overlap triggers
 * still refuse a clash. Its effect on the cached next free slot is recorded by the model's
 * bookingTimeChanged, as a real booking's is.
 */
export function createBooking(db: Db, o: BookingOptions): typeof bookings.$inferSelect {
  const start = typeof o.start === "number" ? o.start : Date.parse(o.start);
  const minutes = loadAvailability(db, o.mediatorId).rules.sessionMinutes;
  const end = start + minutes * 60_000;
  const mode = o.mode ?? "online";
  return db.transaction((tx) => {
    const caseId = o.caseId ?? createCase(tx, { partyUserId: o.partyUserId }).id;
    const roomId = o.roomId !== undefined ? o.roomId : mode === "centre" ? freeRoomAt(tx, start, end) : null;
    const row = tx
      .insert(bookings)
      .values({
        caseId,
        partyUserId: o.partyUserId,
        mediatorId: o.mediatorId,
        committeeId: o.committeeId ?? null,
        roomId,
        startAt: start,
        endAt: end,
        mode,
        town: mode === "onsite" ? (o.town ?? "shenjiamen") : null,
        status: o.status ?? "pending",
        assignmentReason: o.committeeId ? "committee-rotation" : "picked",
        respondBy: o.respondBy ?? Math.min(o.now + 24 * 3_600_000, start),
      })
      .returning()
      .get();
    bookingTimeChanged(tx, row, "held");
    return row;
  });
}

/** A room no holding booking uses at [start, end): the rule the booking model applies, for rows made here. */
function freeRoomAt(tx: Tx, start: number, end: number): number | null {
  const taken = tx
    .select({ id: bookings.roomId })
    .from(bookings)
    .where(and(inArray(bookings.status, ["pending", "confirmed"]), sql`${bookings.startAt} < ${end}`, sql`${bookings.endAt} > ${start}`))
    .all()
    .map((r) => r.id);
  const free = tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(eq(rooms.active, true))
    .orderBy(rooms.id)
    .all()
    .find((r) => !taken.includes(r.id));
  return free?.id ?? null;
}

// ── slots, found through the model's own slot computation ──────────────────────────────────────────

export interface FreeSlot {
  /** ISO 8601 with the +08:00 offset, as the API shows and takes it. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  modes: ModeSlug[];
  towns: string[];
}

export interface SlotQuery {
  now: number;
  mode?: ModeSlug;
  /** Only slots offered in this town (on-site). */
  town?: TownSlug;
  /** How many local days to look at from today. Default 30. */
  days?: number;
  /**
   * Leave out slots whose booking deadline (start − minimum notice) is nearer than this, so a test
   * that takes a while still books what it picked. Default 15 minutes.
   */
  marginMinutes?: number;
}

const toFree = (s: { start: number; end: number; modes: ModeSlug[]; towns: string[] }): FreeSlot => ({
  start: isoInZone(s.start, CENTRE_TIMEZONE),
  end: isoInZone(s.end, CENTRE_TIMEZONE),
  startMs: s.start,
  endMs: s.end,
  modes: s.modes,
  towns: s.towns,
});

function slotWindow(q: SlotQuery) {
  const now = q.now + (q.marginMinutes ?? 15) * 60_000;
  const from = localDateInZone(q.now, CENTRE_TIMEZONE);
  const to = DateTime.fromISO(from)
    .plus({ days: q.days ?? 30 })
    .toISODate()!;
  return { now, from, to, mode: q.mode };
}

/** The mediator's free slots from `now` on, as computeSlots (through mediatorSlots) gives them. */
export function freeSlots(db: Db, mediatorId: number, q: SlotQuery): FreeSlot[] {
  return mediatorSlots(db, mediatorId, slotWindow(q))
    .filter((s) => !q.town || s.towns.includes(q.town))
    .map(toFree);
}

/** The mediator's first free slot (in a mode, a town); throws when there is none, naming why. */
export function firstFreeSlot(db: Db, mediatorId: number, q: SlotQuery): FreeSlot {
  const [slot] = freeSlots(db, mediatorId, q);
  if (!slot)
    throw new Error(
      `mediator ${mediatorId} has no free ${q.mode ?? ""} slot in ${q.days ?? 30} days from ${new Date(q.now).toISOString()}`,
    );
  return slot;
}

/** A committee's free slots: the union of its members'. */
export function committeeFreeSlots(db: Db, committeeId: number, q: SlotQuery): FreeSlot[] {
  return committeeSlots(db, committeeId, slotWindow(q))
    .filter((s) => !q.town || s.towns.includes(q.town))
    .map(toFree);
}

/** The local date (Asia/Shanghai) `days` after the one `now` falls on: "2028-02-29". */
export function localDate(now: number, days = 0): string {
  return DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE }).plus({ days }).toISODate()!;
}

/** The instant of a local wall-clock time `days` after `now`'s local date: at(now, 2, "09:00"). */
export function at(now: number, days: number, hhmm: string): number {
  const [hour, minute] = hhmm.split(":").map(Number);
  return DateTime.fromMillis(now, { zone: CENTRE_TIMEZONE }).plus({ days }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

// ── case outcomes and records (issue 8, "The record": this section is the records engineer's) ──────

export interface ClosedCaseOptions {
  mediatorId?: number | null;
  committeeId?: number | null;
  /** The account that filed it; default: a fresh party. */
  partyUserId?: number;
  category?: CategorySlug;
  severity?: Severity;
  outcome?: CaseOutcome;
  /** When it was filed and closed (epoch ms). Default: filed 10 days before it closed. */
  createdAt?: number;
  closedAt: number;
  /** Default: 30 days after filing. */
  dueAt?: number | null;
  visits?: 0 | 1 | 2;
  mode?: ModeSlug;
  town?: TownSlug | null;
  /** The agreement's instalments (one obligation), with their results; only for outcome `agreement`. */
  instalments?: (FulfilmentResult | null)[];
  judicialConfirmation?: { result: "confirmed" | "rejected" | null; decidedOn?: string };
  /** Stars of each rating: one applicant party per rating. */
  ratings?: number[];
}

let factoryPartyId: number | undefined;
/** One party account files the factory's closed cases unless a test names another. */
function filingParty(db: Db | Tx): number {
  const exists = factoryPartyId !== undefined && db.select({ id: users.id }).from(users).where(eq(users.id, factoryPartyId)).get();
  if (!exists) factoryPartyId = createParty(db, { token: false }).user.id;
  return factoryPartyId!;
}

/** Writes one closed case with its agreement, instalments, confirmation and ratings as rows (no refresh). */
export function insertClosedCase(tx: Db | Tx, o: ClosedCaseOptions): typeof cases.$inferSelect {
  const createdAt = o.createdAt ?? o.closedAt - 10 * 86_400_000;
  const outcome = o.outcome ?? "agreement";
  const row = tx
    .insert(cases)
    .values({
      filedByUserId: o.partyUserId ?? filingParty(tx),
      category: o.category ?? "labour",
      description: "测试案件",
      severity: o.severity ?? "simple",
      status: "closed",
      outcome,
      mediatorId: o.mediatorId ?? null,
      committeeId: o.committeeId ?? null,
      dueAt: o.dueAt === undefined ? createdAt + 30 * 86_400_000 : o.dueAt,
      closedAt: o.closedAt,
      mode: o.mode ?? "centre",
      town: o.town ?? null,
      visits: o.visits ?? 1,
      createdAt: new Date(createdAt),
      updatedAt: new Date(o.closedAt),
    })
    .returning()
    .get();
  if (outcome === "agreement" && (o.instalments?.length || o.judicialConfirmation)) {
    const agreement = tx
      .insert(agreements)
      .values({ caseId: row.id, facts: "测试协议", madeAt: o.closedAt, effectiveAt: o.closedAt })
      .returning({ id: agreements.id })
      .get();
    if (o.instalments?.length) {
      const obligation = tx
        .insert(obligations)
        .values({ agreementId: agreement.id, obligor: "respondent", description: "支付赔偿款" })
        .returning({ id: obligations.id })
        .get();
      tx.insert(instalments)
        .values(
          o.instalments.map((result, i) => ({
            obligationId: obligation.id,
            seq: i + 1,
            dueOn: localDate(o.closedAt, 30 * (i + 1)),
            result,
            resultAt: result ? o.closedAt : null,
          })),
        )
        .run();
    }
  }
  if (o.judicialConfirmation)
    tx.insert(judicialConfirmations)
      .values({
        caseId: row.id,
        court: "普陀区人民法院",
        appliedOn: localDate(o.closedAt),
        decidedOn: o.judicialConfirmation.result ? (o.judicialConfirmation.decidedOn ?? localDate(o.closedAt, 10)) : null,
        result: o.judicialConfirmation.result,
      })
      .run();
  for (const stars of o.ratings ?? []) {
    const party = tx
      .insert(caseParties)
      .values({ caseId: row.id, side: "applicant", name: "测试当事人" })
      .returning({ id: caseParties.id })
      .get();
    tx.insert(ratings).values({ caseId: row.id, casePartyId: party.id, stars, at: o.closedAt }).run();
  }
  return row;
}

/** One closed case, and its mediator's and committee's records refreshed (as the case model does). */
export function createClosedCase(db: Db, o: ClosedCaseOptions): typeof cases.$inferSelect {
  return db.transaction((tx) => {
    const row = insertClosedCase(tx, o);
    refreshRecords(tx, { mediatorIds: [row.mediatorId], committeeIds: [row.committeeId] });
    return row;
  });
}

export interface OutcomeHistoryOptions extends Omit<ClosedCaseOptions, "outcome" | "closedAt"> {
  /** Mediated cases, of which `agreements` reached one (the rest: `no-agreement`). */
  mediated: number;
  agreements: number;
  /** Also this many withdrawn cases (closed, not mediated). */
  withdrawn?: number;
  /** When they closed: spread over the days before this instant (default: the last 60 days). */
  closedBefore: number;
  spreadDays?: number;
}

/** A mediator's (or committee's) history: `agreements` of `mediated` cases, in one transaction. */
export function createOutcomeHistory(db: Db, o: OutcomeHistoryOptions): void {
  const { mediated, agreements: agreed, withdrawn = 0, closedBefore, spreadDays = 60, ...rest } = o;
  const total = mediated + withdrawn;
  db.transaction((tx) => {
    for (let i = 0; i < total; i++) {
      const closedAt = closedBefore - 3_600_000 - Math.floor(((i + 0.5) / total) * spreadDays * 86_400_000);
      const outcome: CaseOutcome = i < agreed ? "agreement" : i < mediated ? "no-agreement" : "withdrawn";
      insertClosedCase(tx, { ...rest, closedAt, outcome });
    }
    refreshRecords(tx, { mediatorIds: [o.mediatorId], committeeIds: [o.committeeId] });
  });
}

// ── the sea (issue 9; this section is the sea engineer's) ────────────────────────────────────────────

/**
 * A booking of a case that names the party's town (cases.town_slug): where the party sets out from,
 * which decides whether a ferry suspension catches a centre session (app/models/sea-rules.ts).
 */
export function createBookingInTown(db: Db, o: BookingOptions & { caseTown: TownSlug | null }): typeof bookings.$inferSelect {
  const kase = createCase(db, { partyUserId: o.partyUserId });
  db.update(cases).set({ town: o.caseTown }).where(eq(cases.id, kase.id)).run();
  return createBooking(db, { ...o, caseId: kase.id });
}

// ── the staff work queue (issue 9; this section is the work-queue engineer's) ──────────────────────

export interface QueueCaseOptions {
  partyUserId?: number;
  category?: CategorySlug;
  town?: TownSlug | null;
  channel?: "online" | "window";
  severity?: Severity;
  status?: "submitted" | "mediator-agreed" | "in-mediation" | "closed";
  mediatorId?: number | null;
  committeeId?: number | null;
  /** When it was filed (epoch ms). */
  createdAt: number;
  /** Default: 30 days after filing; null for none. */
  dueAt?: number | null;
  generalWindowAt?: number | null;
  preLitigationAt?: number | null;
}

let queueSeq = 0;
/** An open (or closed) case as a row with its number, for the work queue's reasons. */
export function createQueueCase(db: Db | Tx, o: QueueCaseOptions): typeof cases.$inferSelect {
  const seq = 90_000 + ++queueSeq * 7 + (process.pid % 7);
  return db
    .insert(cases)
    .values({
      number: `普调〔2099〕${seq}号`,
      numberYear: 2099,
      numberSeq: seq,
      filedByUserId: o.partyUserId ?? filingParty(db),
      category: o.category ?? "labour",
      description: "测试队列案件",
      town: o.town ?? null,
      channel: o.channel ?? "online",
      severity: o.severity ?? "simple",
      status: o.status ?? "submitted",
      outcome: o.status === "closed" ? "withdrawn" : null,
      closedAt: o.status === "closed" ? o.createdAt : null,
      mediatorId: o.mediatorId ?? null,
      committeeId: o.committeeId ?? null,
      dueAt: o.dueAt === undefined ? o.createdAt + 30 * 86_400_000 : o.dueAt,
      generalWindowAt: o.generalWindowAt ?? null,
      preLitigationAt: o.preLitigationAt ?? null,
      createdAt: new Date(o.createdAt),
      updatedAt: new Date(o.createdAt),
    })
    .returning()
    .get();
}

export interface AssignmentOptions {
  caseId: number;
  mediatorId?: number | null;
  committeeId?: number | null;
  rule?: (typeof caseAssignments.$inferInsert)["rule"];
  status?: (typeof caseAssignments.$inferInsert)["status"];
  pickRank?: number | null;
  decidedAt: number;
  respondBy?: number | null;
  answeredAt?: number | null;
}

/** One row of case_assignments, as the fallback's models write them. */
export function createAssignment(db: Db | Tx, o: AssignmentOptions): typeof caseAssignments.$inferSelect {
  return db
    .insert(caseAssignments)
    .values({
      caseId: o.caseId,
      mediatorId: o.mediatorId ?? null,
      committeeId: o.committeeId ?? null,
      rule: o.rule ?? "pick",
      status: o.status ?? "asked",
      pickRank: o.pickRank ?? null,
      decidedAt: o.decidedAt,
      respondBy: o.respondBy === undefined ? o.decidedAt + 24 * 3_600_000 : o.respondBy,
      answeredAt: o.answeredAt ?? null,
    })
    .returning()
    .get();
}

/** A recusal, by default a party's request awaiting staff. */
export function createRecusal(
  db: Db | Tx,
  o: {
    caseId: number;
    mediatorId: number;
    at: number;
    requestedBy?: "mediator" | "party" | "staff";
    status?: "requested" | "granted" | "refused";
  },
): typeof recusals.$inferSelect {
  return db
    .insert(recusals)
    .values({
      caseId: o.caseId,
      mediatorId: o.mediatorId,
      requestedBy: o.requestedBy ?? "party",
      reason: "与对方当事人是亲戚",
      status: o.status ?? "requested",
      at: o.at,
    })
    .returning()
    .get();
}

// ── the fallback (issue 9, ADR 021) ────────────────────────────────────────────────────────────────
import { mediatorTies } from "../db/schema";
import type { TieKind } from "../domain";
import { normalizeTieName } from "../app/models/conflicts";

/** A declared tie of a mediator (a conflict of interest), folded as the model folds it. */
export function createTie(db: Db | Tx, mediatorId: number, kind: TieKind, name: string, now: number): number {
  return db
    .insert(mediatorTies)
    .values({ mediatorId, kind, name, normalized: normalizeTieName(name), createdAt: now })
    .returning({ id: mediatorTies.id })
    .get().id;
}

/**
 * Only the mediators a test makes are candidates for a category: the demo pool's are made inactive
 * (the fallback ranks every active mediator of the category).
 */
export function retireDemoPool(db: Db): void {
  db.update(mediators).set({ active: false }).run();
}

// ── signing in by phone (issue 11) ──────────────────────────────────────────────────────────────────

let mobileSerial = 0;
/** A valid mainland mobile number (11 digits, domain/phone.ts) unique in this test process. */
export function uniqueMobile(): string {
  mobileSerial += 1;
  return `139${String((process.pid % 1000) * 10_000 + mobileSerial).padStart(8, "0")}`;
}

/** A party who signs in with a code sent to `loginPhone` (and has an e-mail and password too). */
export function createPhoneParty(
  db: Db | Tx,
  overrides: AccountOverrides & { loginPhone?: string } = {},
): Account & { loginPhone: string } {
  const loginPhone = overrides.loginPhone ?? uniqueMobile();
  const account = createAccount(db, "party", { ...overrides, phone: loginPhone });
  db.update(users).set({ loginPhone }).where(eq(users.id, account.user.id)).run();
  return { ...account, loginPhone };
}
