// The staff work queue (issue 9, ADR 022): every open case that waits for the centre, once per reason
// it waits (QUEUE_REASONS), oldest first. It is computed from the rows as they are at `now` in two
// queries (the page, the counts), never stored, so it cannot drift from the cases, their assignments,
// bookings and recusals: a case leaves the queue the moment the row that put it there changes. No
// party's name or phone is read: the queue says which case and why, the case page says who.
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  CASE_CHANNELS,
  CATEGORY_SLUGS,
  CENTRE_TIMEZONE,
  formatCaseNumber,
  QUEUE_REASONS,
  TOWN_SLUGS,
  type CaseChannel,
  type QueueReason,
  type Severity,
} from "../../domain";
import { isoInZone } from "../../domain/zone";
import { getDb } from "../db.server";
import type { User } from "./auth.server";
import { DUE_SOON_DAYS } from "./case-queue.server";
import { DomainError } from "./errors";

const DAY = 86_400_000;
export const WORK_QUEUE_MAX_PER_PAGE = 100;

/** The queue's query (the API's query string and the page's GET form alike); unknown keys are refused. */
export const workQueueQuerySchema = z
  .object({
    reason: z.enum(QUEUE_REASONS).optional(),
    category: z.enum(CATEGORY_SLUGS).optional(),
    town: z.enum(TOWN_SLUGS).optional(),
    channel: z.enum(CASE_CHANNELS).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    perPage: z.coerce.number().int().min(1).max(WORK_QUEUE_MAX_PER_PAGE).default(20),
  })
  .strict();
export type WorkQueueQuery = z.output<typeof workQueueQuerySchema>;

export interface WorkQueueItem {
  caseId: number;
  number: string;
  reason: QueueReason;
  /** Since when the case waits for this reason (ISO, +08:00). */
  since: string;
  dueAt: string | null;
  category: string;
  town: string | null;
  channel: CaseChannel;
  severity: Severity;
}

export interface WorkQueue {
  items: WorkQueueItem[];
  /** Items per reason with the category, town and channel filters kept (not the reason): the chips. */
  counts: Record<QueueReason, number>;
  total: number;
  page: number;
  perPage: number;
  pages: number;
}

/**
 * Every item of the queue as rows (case_id, reason, since) over the open cases the filters keep, as of
 * `now`. The assignment track (no-mediator, pick-*, committee-waiting, general-window, pre-litigation)
 * gives at most one reason per case, judged in this order:
 * - a case with an agreed mediator waits for no one on this track;
 * - routed to the general mediation window: `general-window` until someone mediates it;
 * - something held (the latest assignment asked and not past its answer time, or accepted; or a
 *   booking pending within its answer time, or confirmed): `committee-waiting` when that is a committee
 *   order not yet answered by its member, otherwise nothing (someone has it);
 * - flagged for the fast track: `pre-litigation` (the team takes it from there);
 * - the latest assignment declined, expired (recorded or read so) or recused: `pick-*`; a case without
 *   assignment rows (today's data) is judged by its latest booking the same way;
 * - otherwise `no-mediator`.
 * Beside it: `overdue`, `due-soon` (within DUE_SOON_DAYS), `recusal-requested` (a party's, undecided).
 */
function itemsSql(now: number, q: Pick<WorkQueueQuery, "category" | "town" | "channel">): SQL {
  const soon = DUE_SOON_DAYS * DAY;
  const filters = [
    q.category ? sql` and c.category_slug = ${q.category}` : sql``,
    q.town ? sql` and c.town_slug = ${q.town}` : sql``,
    q.channel ? sql` and c.channel = ${q.channel}` : sql``,
  ];
  // `oc` and `st` are read several times below; materialised once they cost a third (20,000 cases, 2,100
  // open: 10 ms for the page and the counts instead of 30–60 ms).
  return sql`
    oc as materialized (
      select c.id, c.number, c.number_year, c.number_seq, c.category_slug as category, c.town_slug as town, c.channel,
             c.severity, c.created_at, c.due_at, c.general_window_at, c.pre_litigation_at, c.mediator_id
      from cases c where c.status <> 'closed'${sql.join(filters, sql``)}
    ),
    la as (
      select a.case_id, a.status, a.committee_id, a.respond_by, a.decided_at, a.answered_at,
             case when a.status = 'asked' and a.respond_by is not null and a.respond_by <= ${now} then 'expired' else a.status end as eff
      from case_assignments a
      where a.id in (select max(id) from case_assignments where case_id in (select id from oc) group by case_id)
    ),
    bk as (
      select b.case_id,
             max(b.status = 'confirmed' or (b.status = 'pending' and b.respond_by > ${now})) as held,
             min(case when b.committee_id is not null and b.status = 'pending' and b.respond_by > ${now} then b.created_at end) as committee_since,
             max(b.id) as last_id
      from bookings b where b.case_id in (select id from oc) group by b.case_id
    ),
    st as materialized (
      select oc.*, la.eff as a_eff, la.committee_id as a_committee, la.respond_by as a_respond_by,
             coalesce(la.answered_at, la.decided_at) as a_at, la.decided_at as a_decided,
             (la.eff in ('asked', 'accepted') or coalesce(bk.held, 0) = 1) as held,
             bk.committee_since,
             case when lb.status = 'pending' and lb.respond_by <= ${now} then 'expired' else lb.status end as b_eff,
             lb.respond_by as b_respond_by, lb.updated_at as b_at
      from oc left join la on la.case_id = oc.id left join bk on bk.case_id = oc.id left join bookings lb on lb.id = bk.last_id
    ),
    tr as (
      select st.*,
        case
          when mediator_id is not null then null
          when general_window_at is not null then 'general-window'
          when held and (committee_since is not null or (a_eff = 'asked' and a_committee is not null)) then 'committee-waiting'
          when held then null
          when pre_litigation_at is not null then 'pre-litigation'
          when a_eff in ('declined', 'expired', 'recused') then 'pick-' || a_eff
          when a_eff is null and b_eff in ('declined', 'expired') then 'pick-' || b_eff
          else 'no-mediator'
        end as track
      from st
    ),
    items as (
      select id as case_id, track as reason,
        case track
          when 'general-window' then general_window_at
          when 'committee-waiting' then coalesce(committee_since, a_decided)
          when 'pre-litigation' then pre_litigation_at
          when 'pick-expired' then case when a_eff is not null then coalesce(a_respond_by, a_at) else b_respond_by end
          when 'pick-declined' then coalesce(a_at, b_at)
          when 'pick-recused' then a_at
          else created_at
        end as since
      from tr where track is not null
      union all
      select id, 'overdue', due_at from st where due_at is not null and due_at < ${now}
      union all
      select id, 'due-soon', max(due_at - ${soon}, created_at) from st where due_at is not null and due_at >= ${now} and due_at <= ${now + soon}
      union all
      select r.case_id, 'recusal-requested', min(r.at) from recusals r
      where r.requested_by = 'party' and r.status = 'requested' and r.case_id in (select id from oc) group by r.case_id
    )`;
}

interface Row {
  case_id: number;
  reason: QueueReason;
  since: number;
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  category: string;
  town: string | null;
  channel: CaseChannel;
  severity: Severity;
  due_at: number | null;
}

const iso = (ms: number) => isoInZone(ms, CENTRE_TIMEZONE);

/** The centre's work queue as of `now`: the centre's staff and admins only (anyone else: `forbidden`). */
export function workQueue({ user, query, now }: { user: User; query: WorkQueueQuery; now: number }): WorkQueue {
  if (user.role !== "staff" && user.role !== "admin") throw new DomainError("forbidden", "The work queue is the centre's staff's");
  const db = getDb();
  const items = itemsSql(now, query);
  const counted = db.all<{ reason: QueueReason; n: number }>(sql`with ${items} select reason, count(*) as n from items group by reason`);
  const counts = Object.fromEntries(QUEUE_REASONS.map((r) => [r, 0])) as Record<QueueReason, number>;
  for (const c of counted) counts[c.reason] = c.n;
  const total = query.reason ? counts[query.reason] : counted.reduce((a, c) => a + c.n, 0);
  const rows = db.all<Row>(sql`with ${items}
    select i.case_id, i.reason, i.since, st.number, st.number_year, st.number_seq, st.category, st.town, st.channel,
           st.severity, st.due_at
    from items i join st on st.id = i.case_id
    ${query.reason ? sql`where i.reason = ${query.reason}` : sql``}
    order by i.since asc, i.case_id asc, i.reason asc
    limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`);
  return {
    items: rows.map((r) => ({
      caseId: r.case_id,
      number: r.number ?? formatCaseNumber(r.number_year ?? 0, r.number_seq ?? r.case_id),
      reason: r.reason,
      since: iso(r.since),
      dueAt: r.due_at === null ? null : iso(r.due_at),
      category: r.category,
      town: r.town,
      channel: r.channel,
      severity: r.severity,
    })),
    counts,
    total,
    page: query.page,
    perPage: query.perPage,
    pages: Math.max(1, Math.ceil(total / query.perPage)),
  };
}
