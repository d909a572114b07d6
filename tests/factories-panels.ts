// Factories of 3+X joint panels (issue 9): a person who can take a panel role (in the public pool or
// not, ADR 027), a major or group case, and a whole panel's worth of people.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { cases, mediators, panelRoles } from "../db/schema";
import type { CategorySlug, Severity } from "../domain";
import type { PersonRole } from "../domain/panel";
import { createCase, createMediator, type MediatorFixture, type MediatorOptions } from "./factories";

export interface PanelPersonOptions extends Omit<MediatorOptions, "categories"> {
  /** A panel seat's role, or the pre-litigation team's (ADR 035). */
  role: PersonRole;
  /** For a department representative: the category whose department they represent. */
  category?: CategorySlug;
  /** In the public pool too. Default: false (a judge, a legal-aid lawyer, a department's representative). */
  listed?: boolean;
}

/**
 * Takes every panel role away from the people the demo seed made (its judges, lawyers, departments), so
 * a test's suggestions and replacement candidates are only the people it made itself, on any date: the
 * seed's people have hours too, and on some days they are free at the time a test expects its own.
 */
export function putAwaySeedPanelPeople(db: Db) {
  db.delete(panelRoles).run();
}

/** A person with weekly hours (the mediator factory's defaults: all day, every day) and one panel role. */
export function createPanelPerson(db: Db, o: PanelPersonOptions): MediatorFixture {
  const person = createMediator(db, { title: o.title ?? "会商成员", categories: o.category ? [o.category] : [], ...o });
  db.update(mediators)
    .set({ listed: o.listed ?? false })
    .where(eq(mediators.id, person.id))
    .run();
  db.insert(panelRoles)
    .values({ personId: person.id, role: o.role, category: o.role === "department" ? (o.category ?? "labour") : null })
    .run();
  return person;
}

/** A case of the given severity (default major), filed by `partyUserId`. */
export function createPanelCase(db: Db, o: { partyUserId: number; severity?: Severity; category?: CategorySlug }) {
  const c = createCase(db, { partyUserId: o.partyUserId, category: o.category ?? "labour" });
  db.update(cases)
    .set({ severity: o.severity ?? "major", number: `普调〔2030〕${String(c.id).padStart(5, "0")}号` })
    .where(eq(cases.id, c.id))
    .run();
  return { ...c, severity: o.severity ?? "major" };
}

/** One person per seat of a 3+1 panel for labour; the chief mediator is in the public pool. */
export function createPanelPeople(db: Db, o: Omit<PanelPersonOptions, "role"> & { account?: boolean }) {
  return {
    judge: createPanelPerson(db, { ...o, role: "judge" }),
    chief: createPanelPerson(db, { ...o, role: "chief-mediator", listed: true }),
    lawyer: createPanelPerson(db, { ...o, role: "legal-aid-lawyer" }),
    department: createPanelPerson(db, { ...o, role: "department", category: "labour" }),
  };
}

export const SEATS = ["judge", "chief-mediator", "legal-aid-lawyer", "department:labour"];
export const membersOf = (p: ReturnType<typeof createPanelPeople>) => [
  { role: "judge", personId: p.judge.id },
  { role: "chief-mediator", personId: p.chief.id },
  { role: "legal-aid-lawyer", personId: p.lawyer.id },
  { role: "department:labour", personId: p.department.id },
];
