// Reading panels (issue 9): who can take a seat, a case's panel and the list, as views with names,
// roles and the actions this viewer may take. Entitled: the centre's staff and the panel's seated
// members (a declined seat included: they were asked). No view carries a party's name or phone.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { preparedQueries, type Db, type Tx } from "../../db/client";
import { bookings, cases, mediators, panelMembers, panelRoles, panels, rooms, users } from "../../db/schema";
import type { PanelRole } from "../../domain/panel";
import type { User } from "./auth.server";
import { iso } from "./booking-view";
import { isStaff } from "./panel-people.server";
import type { PanelCandidateView, PanelListItem, PanelMemberView, PanelView } from "./panel-types";

type Reader = Db | Tx;
const seatOf = (role: string, category: string | null) => (category ? `${role}:${category}` : role);

// Built once per connection: a suggestion asks for every seat's candidates.
const q = preparedQueries((db) => {
  const select = () =>
    db
      .select({
        personId: mediators.id,
        name: mediators.name,
        title: mediators.title,
        organisation: mediators.organisation,
        role: panelRoles.role,
        category: panelRoles.category,
        listed: mediators.listed,
      })
      .from(panelRoles)
      .innerJoin(mediators, eq(mediators.id, panelRoles.personId));
  const order = [asc(panelRoles.category), asc(mediators.namePinyin), asc(mediators.id)];
  return {
    // Only a department seat has a category.
    noCategory: select()
      .where(and(eq(panelRoles.role, sql.placeholder("role")), eq(mediators.active, true), isNull(panelRoles.category)))
      .orderBy(...order)
      .prepare(),
    anyCategory: select()
      .where(and(eq(panelRoles.role, sql.placeholder("role")), eq(mediators.active, true)))
      .orderBy(...order)
      .prepare(),
    ofCategory: select()
      .where(
        and(eq(panelRoles.role, sql.placeholder("role")), eq(mediators.active, true), eq(panelRoles.category, sql.placeholder("category"))),
      )
      .orderBy(...order)
      .prepare(),
  };
});

/** The panel with its booking's time, its case's number and its room, for a step on it; undefined when none. */
export function panelFacts(db: Reader, panelId: number) {
  const p = db
    .select({
      id: panels.id,
      status: panels.status,
      bookingId: panels.bookingId,
      start: bookings.startAt,
      end: bookings.endAt,
      number: cases.number,
      room: rooms.name,
    })
    .from(panels)
    .innerJoin(bookings, eq(bookings.id, panels.bookingId))
    .innerJoin(cases, eq(cases.id, panels.caseId))
    .innerJoin(rooms, eq(rooms.id, panels.roomId))
    .where(eq(panels.id, panelId))
    .get();
  return p && { ...p, number: p.number ?? "" };
}

/** People who can take a role (for a department seat, of that category when given), listed or not. */
export function panelCandidates(db: Reader, { role, category }: { role: PanelRole; category?: string | null }): PanelCandidateView[] {
  const queries = q(db);
  const rows =
    role !== "department"
      ? queries.noCategory.all({ role })
      : category
        ? queries.ofCategory.all({ role, category })
        : queries.anyCategory.all({ role });
  // Every row holds the role asked for (the query's own condition): a panel role, never the team's.
  return rows.map((c) => ({ ...c, role, seat: seatOf(role, c.category) }));
}

type PanelRow = typeof panels.$inferSelect;

/** The panels of these rows as views for `viewer` (the rows are already filtered to what they may see). */
function toViews(db: Reader, rows: PanelRow[], viewer: User): PanelView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const facts = new Map(
    db
      .select({
        id: panels.id,
        number: cases.number,
        category: cases.category,
        severity: cases.severity,
        summary: cases.description,
        start: bookings.startAt,
        end: bookings.endAt,
        room: rooms.name,
        cancelReason: bookings.cancelReason,
      })
      .from(panels)
      .innerJoin(cases, eq(cases.id, panels.caseId))
      .innerJoin(bookings, eq(bookings.id, panels.bookingId))
      .innerJoin(rooms, eq(rooms.id, panels.roomId))
      .where(inArray(panels.id, ids))
      .all()
      .map((f) => [f.id, f]),
  );
  const seats = db
    .select({
      panelId: panelMembers.panelId,
      personId: panelMembers.personId,
      name: mediators.name,
      title: mediators.title,
      organisation: mediators.organisation,
      role: panelMembers.role,
      category: panelMembers.category,
      status: panelMembers.status,
      respondedAt: panelMembers.respondedAt,
      position: panelMembers.position,
      staffName: users.name,
    })
    .from(panelMembers)
    .innerJoin(mediators, eq(mediators.id, panelMembers.personId))
    .leftJoin(users, eq(users.id, panelMembers.respondedByUserId))
    .where(inArray(panelMembers.panelId, ids))
    // A replacement shares its declined seat's position and comes after it (inserted later).
    .orderBy(asc(panelMembers.panelId), asc(panelMembers.position), sql`${panelMembers}.rowid`)
    .all();
  const userNames = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        inArray(
          users.id,
          rows.map((r) => r.minutesByUserId ?? 0),
        ),
      )
      .all()
      .map((u) => [u.id, u.name]),
  );
  const staff = isStaff(viewer);
  return rows.map((r) => {
    const f = facts.get(r.id)!;
    const booked = r.status === "booked";
    const panelSeats = seats.filter((s) => s.panelId === r.id);
    // A declined seat is refilled when a replacement stands in its position.
    const filled = new Set(panelSeats.filter((s) => s.status !== "declined").map((s) => s.position));
    const members: PanelMemberView[] = panelSeats.map((s) => ({
      personId: s.personId,
      name: s.name,
      title: s.title,
      organisation: s.organisation,
      role: s.role,
      category: s.category,
      seat: seatOf(s.role, s.category),
      status: s.status,
      respondedAt: s.respondedAt === null ? null : iso(s.respondedAt),
      respondedByStaffName: s.staffName,
      isViewer: viewer.mediatorId !== null && viewer.mediatorId === s.personId,
      replaceable: booked && staff && s.status === "declined" && !filled.has(s.position),
    }));
    const own = members.find((m) => m.isViewer);
    const names = new Map(members.map((m) => [m.personId, m.name]));
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: f.number ?? `#${r.caseId}`,
      category: f.category,
      severity: f.severity,
      summary: f.summary,
      status: r.status,
      cancelReason: r.status === "cancelled" ? f.cancelReason : null,
      bookingId: r.bookingId,
      start: iso(f.start),
      end: iso(f.end),
      minutesLength: Math.round((f.end - f.start) / 60_000),
      roomId: r.roomId,
      roomName: f.room,
      members,
      minutes:
        r.minutesAt === null || r.outcome === null
          ? null
          : {
              entries: (r.minutesEntries ?? []).map((e) => ({
                personId: e.personId,
                speaker: e.personId === null ? e.speaker : (names.get(e.personId) ?? e.speaker),
                said: e.said,
              })),
              plan: r.plan ?? "",
              dissent: r.dissent ?? "",
              outcome: r.outcome,
              recordedAt: iso(r.minutesAt),
              recordedByName: userNames.get(r.minutesByUserId ?? 0) ?? "",
            },
      createdAt: iso(r.createdAt),
      actions: {
        recordMinutes: booked && (staff || (own?.role === "chief-mediator" && own.status !== "declined")),
        confirm: booked && own?.status === "invited",
        decline: booked && own !== undefined && own.status !== "declined",
        respondFor: booked && staff,
        cancel: booked && staff,
      },
    };
  });
}

/** Rows this viewer may see: every panel for staff, their own seats' panels for a person, none otherwise. */
function visible(viewer: User) {
  if (isStaff(viewer)) return undefined;
  if (viewer.mediatorId === null) return sql`0`;
  return inArray(
    panels.id,
    sql`(select ${panelMembers.panelId} from ${panelMembers} where ${panelMembers.personId} = ${viewer.mediatorId})`,
  );
}

/** The case's panel (the latest not cancelled, else the latest); null when none or not the viewer's to see. */
export function getCasePanel(db: Reader, { caseId, viewer }: { caseId: number; viewer: User }): PanelView | null {
  const row = db
    .select()
    .from(panels)
    .where(and(eq(panels.caseId, caseId), visible(viewer)))
    .orderBy(sql`${panels.status} = 'cancelled'`, desc(panels.id))
    .limit(1)
    .get();
  return row ? toViews(db, [row], viewer)[0] : null;
}

export function getPanel(db: Reader, { panelId, viewer }: { panelId: number; viewer: User }): PanelView | null {
  const row = db
    .select()
    .from(panels)
    .where(and(eq(panels.id, panelId), visible(viewer)))
    .get();
  return row ? toViews(db, [row], viewer)[0] : null;
}

/** Panels sitting in [from, to) (epoch ms; either open), soonest first, without minutes or the case summary. */
export function listPanels(db: Reader, { viewer, from, to }: { viewer: User; from?: number; to?: number }): PanelListItem[] {
  const rows = db
    .select({ panel: panels })
    .from(panels)
    .innerJoin(bookings, eq(bookings.id, panels.bookingId))
    .where(
      and(
        visible(viewer),
        from === undefined ? undefined : gte(bookings.endAt, from),
        to === undefined ? undefined : lt(bookings.startAt, to),
      ),
    )
    .orderBy(asc(bookings.startAt), asc(panels.id))
    .limit(500)
    .all()
    .map((r) => r.panel);
  return toViews(db, rows, viewer).map(({ minutes: _minutes, summary: _summary, ...item }) => item);
}
