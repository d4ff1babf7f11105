import { asc, eq, sql } from 'drizzle-orm';
import type { AgencyRole, Membership } from '../../core/identity/actor.ts';
import { assignAdviser } from '../factories/programme-adviser-factory.ts';
import { createUser } from '../factories/user-factory.ts';
import type { Database } from '../database.ts';
import { user } from '../schema/auth.ts';
import { organisations } from '../schema/organisations.ts';
import { participants } from '../schema/participants.ts';
import { programmes } from '../schema/programmes.ts';

/** One password for every demo account: this is demo data, printed on start and in the README. */
export const DEMO_PASSWORD = 'exchange-demo-2026';

export interface DemoLogin {
  role: string;
  email: string;
  name: string;
}

interface DemoPerson {
  role: string;
  name: string;
  email: string;
  locale: string;
  agencyRoles?: AgencyRole[];
  organisation?: { legalName: string; role: Membership['role'] };
  participantFrom?: string;
  /** Programme codes an adviser follows. */
  programmes?: string[];
}

const people: DemoPerson[] = [
  { role: 'administrator', name: 'Ingrid Solheim', email: 'admin@demo.example', locale: 'nb', agencyRoles: ['administrator'] },
  { role: 'programme adviser (Health, Professional)', name: 'Magnus Haugen', email: 'adviser@demo.example', locale: 'nn', agencyRoles: ['programme_adviser'], programmes: ['health', 'professional'] },
  { role: 'finance officer', name: 'Kari Nygård', email: 'finance@demo.example', locale: 'nb', agencyRoles: ['finance_officer'] },
  { role: 'partner coordinator (Kathmandu Model Hospital)', name: 'Sita Shrestha', email: 'coordinator.kathmandu@demo.example', locale: 'en', organisation: { legalName: 'Kathmandu Model Hospital', role: 'partner_coordinator' } },
  { role: 'partner coordinator (Bergen Kystsjukehus)', name: 'Eirik Vik', email: 'coordinator.bergen@demo.example', locale: 'nb', organisation: { legalName: 'Bergen Kystsjukehus', role: 'partner_coordinator' } },
  { role: 'partner coordinator (Addis Ababa College of Nursing)', name: 'Meron Tadesse', email: 'coordinator.addis@demo.example', locale: 'fr', organisation: { legalName: 'Addis Ababa College of Nursing', role: 'partner_coordinator' } },
  { role: 'partner coordinator (Radio Comunitaria Cochabamba)', name: 'Rosa Mamani', email: 'coordinator.cochabamba@demo.example', locale: 'es', organisation: { legalName: 'Radio Comunitaria Cochabamba', role: 'partner_coordinator' } },
  { role: 'partner coordinator (Asociación Maya de Salud)', name: 'Ixchel Tzoc', email: 'coordinator.quetzaltenango@demo.example', locale: 'es', organisation: { legalName: 'Asociación Maya de Salud', role: 'partner_coordinator' } },
  { role: 'partner finance (Kathmandu Model Hospital)', name: 'Bikash Karki', email: 'finance.kathmandu@demo.example', locale: 'en', organisation: { legalName: 'Kathmandu Model Hospital', role: 'partner_finance' } },
  { role: 'participant (from Kathmandu Model Hospital)', name: '', email: 'participant@demo.example', locale: 'en', participantFrom: 'Kathmandu Model Hospital' },
];

/**
 * One account per role, on organisations of the demo data. Runs once: when any account exists, it
 * does nothing. Returns the logins to print.
 */
export async function seedDemoUsers(db: Database): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins = people.map((p) => ({ role: p.role, email: p.email, name: p.name }));
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(user);
  if ((existing?.n ?? 0) > 0) return { seeded: false, logins };
  await db.transaction(async (tx) => {
    for (const person of people) {
      const memberships: Membership[] = [];
      const participantIds: string[] = [];
      let name = person.name;
      if (person.organisation) {
        const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.legalName, person.organisation.legalName));
        if (!org) continue;
        memberships.push({ organisationId: org.id, role: person.organisation.role });
      }
      if (person.participantFrom) {
        const [row] = await tx
          .select({ id: participants.id, given: participants.givenName, family: participants.familyName })
          .from(participants)
          .innerJoin(organisations, eq(organisations.id, participants.homeOrganisationId))
          .where(eq(organisations.legalName, person.participantFrom))
          .orderBy(asc(participants.createdAt))
          .limit(1);
        if (!row) continue;
        participantIds.push(row.id);
        name = `${row.given} ${row.family}`;
      }
      const created = await createUser(tx, { name, email: person.email, locale: person.locale, password: DEMO_PASSWORD, agencyRoles: person.agencyRoles ?? [], memberships, participantIds });
      for (const code of person.programmes ?? []) {
        const [programme] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code));
        if (programme) await assignAdviser(tx, created.id, programme.id);
      }
    }
  });
  return { seeded: true, logins };
}
