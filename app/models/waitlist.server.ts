// "Tell me if an earlier time opens" (issue 11, ADR 030): a signed-in party watches a mediator (or a
// committee) over a range of days, in a mode or any. A background job finds the earliest free time in
// each entry's range; when it is EARLIER than any free time the party already knew of (none, or the one
// free when they joined, or the one last told), the party is told once, and the entry remembers that
// start (notified_start_at). When the known time is taken or passes, the baseline moves silently to the
// next free one (that is not an opening). Each change of an entry is a conditional update on the start
// it was judged from, inside one write transaction: two processes never tell the same opening twice.
import { and, asc, eq, gte, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { writeTransaction, type Db, type Tx } from "../../db/client";
import { committees, mediators, waitlistEntries } from "../../db/schema";
import { CENTRE_TIMEZONE, MODE_SLUGS, type ModeSlug } from "../../domain";
import { localDateInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { User } from "./auth.server";
import { committeeSlots, mediatorSlots } from "./availability.server";
import { DomainError } from "./errors";
import { ISSUES } from "./issues";
import { notifyUser } from "./notifications.server";

type Reader = Db | Tx;
type Entry = typeof waitlistEntries.$inferSelect;

/** At most this many days per entry, and this many live entries per party. */
export const MAX_WAITLIST_DAYS = 60;
export const MAX_WAITLIST_ENTRIES = 10;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, ISSUES.dateFormat);
const id = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const waitlistInputSchema = z
  .object({
    subject: z.enum(["mediator", "committee"]),
    id,
    from: isoDate,
    to: isoDate,
    mode: z.preprocess((v) => (v === "" ? undefined : v), z.enum(MODE_SLUGS).optional()),
  })
  .superRefine((v, ctx) => {
    const from = DateTime.fromISO(v.from);
    const to = DateTime.fromISO(v.to);
    if (!from.isValid) ctx.addIssue({ code: "custom", path: ["from"], message: ISSUES.dateFormat });
    if (!to.isValid) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.dateFormat });
    if (!from.isValid || !to.isValid) return;
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.toBeforeFrom });
    else if (to.diff(from, "days").days >= MAX_WAITLIST_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: ISSUES.rangeTooLong });
  });
export type WaitlistInput = z.output<typeof waitlistInputSchema>;

const today = (now: number) => localDateInZone(now, CENTRE_TIMEZONE);

/** The earliest free start in the entry's range from now on, or null. */
export function earliestFree(db: Reader, e: Pick<Entry, "mediatorId" | "committeeId" | "fromDate" | "toDate" | "mode">, now: number) {
  const from = e.fromDate > today(now) ? e.fromDate : today(now);
  if (from > e.toDate) return null;
  const q = { from, to: e.toDate, mode: (e.mode ?? undefined) as ModeSlug | undefined, now };
  const slots = e.committeeId !== null ? committeeSlots(db, e.committeeId, q) : mediatorSlots(db, e.mediatorId!, q);
  return slots[0]?.start ?? null;
}

const live = (userId: number, now: number) =>
  and(eq(waitlistEntries.userId, userId), isNull(waitlistEntries.cancelledAt), gte(waitlistEntries.toDate, today(now)));

/**
 * A party asks to be told. The same range asked twice is the same entry. Answers the entry and the
 * earliest time free in the range already (the page says "book it"), which is the entry's baseline.
 */
export async function joinWaitlist({ user, input, now }: { user: User; input: unknown; now: number }) {
  if (user.role !== "party") throw new DomainError("forbidden", "Only parties ask to be told of free times");
  const v = waitlistInputSchema.parse(input);
  if (v.to < today(now)) throw new DomainError("invalid_input", "The range is over");
  return writeTransaction(getDb(), (tx) => {
    const subject =
      v.subject === "mediator"
        ? tx
            .select({ id: mediators.id })
            .from(mediators)
            .where(and(eq(mediators.id, v.id), eq(mediators.active, true)))
            .get()
        : tx
            .select({ id: committees.id })
            .from(committees)
            .where(and(eq(committees.id, v.id), eq(committees.active, true)))
            .get();
    if (!subject) throw new DomainError("not_found", `No such ${v.subject}`);
    const fields = {
      mediatorId: v.subject === "mediator" ? v.id : null,
      committeeId: v.subject === "committee" ? v.id : null,
      fromDate: v.from,
      toDate: v.to,
      mode: v.mode ?? null,
    };
    const mine = tx.select().from(waitlistEntries).where(live(user.id, now)).all();
    const same = mine.find(
      (e) =>
        e.mediatorId === fields.mediatorId &&
        e.committeeId === fields.committeeId &&
        e.fromDate === v.from &&
        e.toDate === v.to &&
        e.mode === fields.mode,
    );
    if (same) return { entry: same, freeNow: same.notifiedStartAt };
    if (mine.length >= MAX_WAITLIST_ENTRIES) throw new DomainError("conflict", `At most ${MAX_WAITLIST_ENTRIES} alerts at a time`);
    const freeNow = earliestFree(tx, fields, now);
    const entry = tx
      .insert(waitlistEntries)
      .values({ userId: user.id, ...fields, createdAt: now, notifiedStartAt: freeNow })
      .returning()
      .get();
    return { entry, freeNow };
  });
}

export interface WaitlistView {
  id: number;
  name: string;
  href: string;
  from: string;
  to: string;
  mode: ModeSlug | null;
  /** The last free time the party was told of (epoch ms), if any. */
  notifiedStartAt: number | null;
}

/** A party's live entries (not cancelled, not over), soonest first; anyone else has none. */
export function listWaitlist({ user, now }: { user: User; now: number }): WaitlistView[] {
  if (user.role !== "party") return [];
  return getDb()
    .select({ e: waitlistEntries, mediatorName: mediators.name, committeeName: committees.name })
    .from(waitlistEntries)
    .leftJoin(mediators, eq(mediators.id, waitlistEntries.mediatorId))
    .leftJoin(committees, eq(committees.id, waitlistEntries.committeeId))
    .where(live(user.id, now))
    .orderBy(asc(waitlistEntries.fromDate), asc(waitlistEntries.id))
    .all()
    .map(({ e, mediatorName, committeeName }) => ({
      id: e.id,
      name: mediatorName ?? committeeName ?? "",
      href:
        e.committeeId !== null
          ? `/committees/${e.committeeId}/book?from=${e.fromDate}`
          : `/mediators/${e.mediatorId}/book?from=${e.fromDate}`,
      from: e.fromDate,
      to: e.toDate,
      mode: e.mode,
      notifiedStartAt: e.notifiedAt === null ? null : e.notifiedStartAt,
    }));
}

/** The party cancels one of their own entries; someone else's is not found. */
export async function cancelWaitlist({ user, id, now }: { user: User; id: number; now: number }): Promise<void> {
  const res = await writeTransaction(getDb(), (tx) =>
    tx
      .update(waitlistEntries)
      .set({ cancelledAt: now })
      .where(and(eq(waitlistEntries.id, id), eq(waitlistEntries.userId, user.id), isNull(waitlistEntries.cancelledAt)))
      .run(),
  );
  if (res.changes !== 1) throw new DomainError("not_found", "No such alert");
}

/** Any live entry at all: the job does nothing (and takes no lock) otherwise. */
export function hasLiveEntries(db: Reader, now: number): boolean {
  return Boolean(
    db
      .select({ id: waitlistEntries.id })
      .from(waitlistEntries)
      .where(and(isNull(waitlistEntries.cancelledAt), gte(waitlistEntries.toDate, today(now))))
      .limit(1)
      .get(),
  );
}

/** Tells each party of an earlier opening in their range; answers how many were told. Inside a write transaction. */
export function notifyOpenings(tx: Db, now: number): number {
  let told = 0;
  const entries = tx
    .select({ e: waitlistEntries, mediatorName: mediators.name, committeeName: committees.name })
    .from(waitlistEntries)
    .leftJoin(mediators, eq(mediators.id, waitlistEntries.mediatorId))
    .leftJoin(committees, eq(committees.id, waitlistEntries.committeeId))
    .where(and(isNull(waitlistEntries.cancelledAt), gte(waitlistEntries.toDate, today(now))))
    .all();
  for (const { e, mediatorName, committeeName } of entries) {
    const first = earliestFree(tx, e, now);
    if (first === e.notifiedStartAt) continue;
    // Earlier than the time the party knew of (or the range was full): an opening. Later: the known
    // time was taken or has passed, and the baseline moves on without a word.
    const opening = first !== null && (e.notifiedStartAt === null || first < e.notifiedStartAt);
    const res = tx
      .update(waitlistEntries)
      .set(opening ? { notifiedStartAt: first, notifiedAt: now } : { notifiedStartAt: first })
      .where(
        and(
          eq(waitlistEntries.id, e.id),
          e.notifiedStartAt === null ? isNull(waitlistEntries.notifiedStartAt) : eq(waitlistEntries.notifiedStartAt, e.notifiedStartAt),
        ),
      )
      .run();
    if (res.changes !== 1 || !opening) continue;
    const path = e.committeeId !== null ? `/committees/${e.committeeId}/book` : `/mediators/${e.mediatorId}/book`;
    notifyUser(tx, e.userId, {
      template: "waitlist.opening",
      params: {
        name: mediatorName ?? committeeName ?? "",
        from: e.fromDate,
        to: e.toDate,
        mode: e.mode,
        start: first,
        link: `${env().PUBLIC_URL}${path}?from=${localDateInZone(first, CENTRE_TIMEZONE)}`,
      },
      at: now,
    });
    told++;
  }
  return told;
}

/** How often the background job looks: openings are told within this long. */
export const WAITLIST_EVERY_MS = 15_000;
let lastLook = Number.NEGATIVE_INFINITY;

/** The background job's step (app/jobs.server.ts): at most every WAITLIST_EVERY_MS, and only with live entries. */
export async function runWaitlist(db: Db, now: number): Promise<number> {
  if (now - lastLook < WAITLIST_EVERY_MS) return 0;
  lastLook = now;
  if (!hasLiveEntries(db, now)) return 0;
  return writeTransaction(db, (tx) => notifyOpenings(tx, now));
}
