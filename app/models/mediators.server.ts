// Mediator and committee profiles, and the pool's headline counts. Reads only public fields. A profile's
// record (the last 12 months to `now`) comes from the records projection (records.server.ts), as the
// search hit's stats do; with a `category` (the one the party searched), the record in it as well.
import { and, asc, count, eq } from "drizzle-orm";
import { committeeMembers, committees, mediators } from "../../db/schema";
import { getDb } from "../db.server";
import { committeeToDocument, mediatorToDocument } from "../../search/document";
import { loadCommitteeRecords, loadMediatorRecords } from "../../search/records";
import { toHitView, type SearchHitView } from "./search.server";
import type { CategorySlug, HitKind } from "../../domain";
import { getCommitteeRecord, getMediatorRecord, type RecordView } from "./records.server";

export interface MediatorProfile extends SearchHitView {
  kind: Exclude<HitKind, "committee">;
  licenceNo: string | null;
  bio: string;
  gender: "female" | "male" | null;
  committees: { id: number; name: string; role: "chair" | "member" }[];
  /** The full record over the last 12 months; present when the caller passed `now`. */
  record?: RecordView;
  /** The record in the category the party searched; present when the caller passed `now` and `category`. */
  categoryRecord?: CategoryRecord;
}

export interface CommitteeProfile extends SearchHitView {
  description: string;
  members: (SearchHitView & { role: "chair" | "member" })[];
  /** The committee's own record (the cases ordered through it); present when the caller passed `now`. */
  record?: RecordView;
  /** Its record in the searched category, as a mediator's. */
  categoryRecord?: CategoryRecord;
}

/** A record limited to one category, and which. */
export interface CategoryRecord extends RecordView {
  category: CategorySlug;
}

/** What a profile asks for: `now` for the record's window, `category` for the record in that category too. */
export interface ProfileQuery {
  id: number;
  now?: number;
  category?: CategorySlug;
}

const inCategory = (record: RecordView | null, category: CategorySlug): CategoryRecord | undefined =>
  record ? { ...record, category } : undefined;

/** Does this person have a public profile (an active, listed pool member)? Panel people outside the pool do not. */
export function hasPublicProfile(id: number): boolean {
  const row = getDb()
    .select({ id: mediators.id })
    .from(mediators)
    .where(and(eq(mediators.id, id), eq(mediators.active, true), eq(mediators.listed, true)))
    .get();
  return row !== undefined;
}

export function getMediator({ id, now, category }: ProfileQuery): MediatorProfile | null {
  const db = getDb();
  const [record] = loadMediatorRecords(db, { ids: [id], now });
  if (!record) return null;
  const row = db.select({ licenceNo: mediators.licenceNo, gender: mediators.gender }).from(mediators).where(eq(mediators.id, id)).get();
  const memberships = db
    .select({ id: committees.id, name: committees.name, role: committeeMembers.role })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .where(and(eq(committeeMembers.mediatorId, id), eq(committees.active, true)))
    .orderBy(asc(committees.id))
    .all();
  return {
    ...toHitView(mediatorToDocument(record), {}),
    kind: record.kind,
    licenceNo: row?.licenceNo ?? null,
    gender: row?.gender ?? null,
    bio: record.bio,
    committees: memberships,
    ...(now === undefined ? {} : { record: getMediatorRecord({ mediatorId: id, now }) ?? undefined }),
    ...(now === undefined || !category
      ? {}
      : { categoryRecord: inCategory(getMediatorRecord({ mediatorId: id, now, category }), category) }),
  };
}

export function getCommittee({ id, now, category }: ProfileQuery): CommitteeProfile | null {
  const db = getDb();
  const [record] = loadCommitteeRecords(db, { ids: [id], now });
  if (!record) return null;
  const roles = new Map(
    db
      .select({ mediatorId: committeeMembers.mediatorId, role: committeeMembers.role })
      .from(committeeMembers)
      .where(eq(committeeMembers.committeeId, id))
      .all()
      .map((r) => [r.mediatorId, r.role]),
  );
  const members = record.members
    .map((m) => ({ ...toHitView(mediatorToDocument(m), {}), role: roles.get(m.id) ?? ("member" as const) }))
    // Chairs first, then by record.
    .sort((a, b) => (a.role === b.role ? b.stats.score - a.stats.score : a.role === "chair" ? -1 : 1));
  return {
    ...toHitView(committeeToDocument(record), {}),
    description: record.description,
    members,
    ...(now === undefined ? {} : { record: getCommitteeRecord({ committeeId: id, now }) ?? undefined }),
    ...(now === undefined || !category
      ? {}
      : { categoryRecord: inCategory(getCommitteeRecord({ committeeId: id, now, category }), category) }),
  };
}

export interface PoolCounts {
  "senior-mediator": number;
  expert: number;
  lawyer: number;
  committee: number;
}

export function getPoolCounts(): PoolCounts {
  const db = getDb();
  const rows = db
    .select({ kind: mediators.kind, n: count() })
    .from(mediators)
    .where(and(eq(mediators.active, true), eq(mediators.listed, true)))
    .groupBy(mediators.kind)
    .all();
  const [c] = db.select({ n: count() }).from(committees).where(eq(committees.active, true)).all();
  const by = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  return {
    "senior-mediator": by["senior-mediator"] ?? 0,
    expert: by.expert ?? 0,
    lawyer: by.lawyer ?? 0,
    committee: c?.n ?? 0,
  };
}
