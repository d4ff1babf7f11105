import { sql } from 'drizzle-orm';
import { placeOfCity } from '../../core/organisations/organisation-place.ts';
import { createAgency } from '../factories/agency-factory.ts';
import { createOrganisation, type OrganisationRow } from '../factories/organisation-factory.ts';
import { createParticipant } from '../factories/participant-factory.ts';
import { createPartnership } from '../factories/partnership-factory.ts';
import { createProgramme, type ProgrammeRow } from '../factories/programme-factory.ts';
import { createSequence } from '../factories/sequence.ts';
import type { Database } from '../database.ts';
import { agency } from '../schema/agency.ts';
import { seedDemoAgreementChain } from './demo-agreement-chain.ts';
import { seedDemoBudgets } from './demo-budgets.ts';
import { seedDemoCalls } from './demo-calls.ts';
import { seedDemoContinuations } from './demo-continuations.ts';
import { demoOrganisations } from './demo-organisations.ts';
import { demoPartnerships } from './demo-partnerships.ts';
import { seedDemoCourses } from './demo-courses.ts';
import { seedDemoParticipants } from './demo-participants.ts';
import { seedDemoFinance } from './demo-finance.ts';
import { seedDemoFinanceJourney } from './demo-finance-journey.ts';
import { seedDemoFinancialReports } from './demo-financial-reports.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedDemoResults } from './demo-results.ts';
import { seedDemoRadioHealth } from './demo-radio-health.ts';
import { seedDemoUnitCosts } from './demo-unit-costs.ts';

const demoProgrammes = [
  { code: 'professional', name: 'Professional', minAge: 22, maxAge: 35, stayMonths: [6, 12, 18], allowedShapes: ['north_south', 'south_south', 'triangular'] },
  { code: 'volunteer-youth', name: 'Volunteer/Youth', minAge: 18, maxAge: 25, stayMonths: [6, 12], allowedShapes: ['north_south', 'south_south', 'triangular'] },
  { code: 'health', name: 'Health (ESTHER)', minAge: 22, maxAge: 40, stayMonths: [6, 12], allowedShapes: ['north_south', 'south_south', 'triangular'] },
] as const;

/**
 * Loads the demo data once: the agency, three programmes with their unit-cost tables for 2025 to 2027, 23 organisations, 14 running partnerships of
 * all three shapes with their participants, two more part-way along the agreement chain, and one between
 * Cochabamba and Quetzaltenango in a running round with nobody nominated yet. Does
 * nothing when the agency row exists, so every start may call
 * it. One transaction: a crash half-way leaves no half-seeded database. With `history`, also the
 * programme's history since 2001 (demo-history.ts: 12,000 people, for the public statistics).
 */
export async function seedDemoData(db: Database, { history = false }: { history?: boolean } = {}): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    // Two processes starting at once must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const existing = await tx.select({ id: agency.id }).from(agency).limit(1);
    if (existing.length > 0) return { seeded: false };

    const seq = createSequence(2001);
    await createAgency(tx);
    const programmes = new Map<string, ProgrammeRow>();
    for (const p of demoProgrammes) {
      programmes.set(p.code, await createProgramme(tx, { ...p, stayMonths: [...p.stayMonths], allowedShapes: [...p.allowedShapes] }, seq));
    }
    // Its own sequence, so the calls leave the rest of the demo data exactly as it was.
    await seedDemoCalls(tx, programmes, createSequence(3001));
    // Published unit-cost tables for 2025 to 2027 (no randomness: the rest of the demo data is unchanged).
    await seedDemoUnitCosts(tx, programmes);
    const organisations = new Map<string, OrganisationRow>();
    for (const { key, ...org } of demoOrganisations) {
      // Matched to its place as registering does (a demo city that is not clearly one place stops the seed).
      organisations.set(key, await createOrganisation(tx, { ...org, ...placeOfCity(org) }, seq));
    }
    for (const plan of demoPartnerships) {
      const partners = plan.partners.map((key) => organisations.get(key)!);
      const partnership = await createPartnership(
        tx,
        {
          title: plan.title,
          programmeId: programmes.get(plan.programme)!.id,
          partners,
          sectorCode: plan.sectorCode,
          status: plan.status,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
        },
        seq,
      );
      for (const home of partners) {
        for (const host of partners) {
          if (home.id === host.id) continue;
          for (let i = 0; i < plan.perFlow; i++) {
            await createParticipant(
              tx,
              {
                partnershipId: partnership.id,
                homeOrganisationId: home.id,
                hostOrganisationId: host.id,
                homeCountry: home.countryCode,
                // Moved along the lifecycle by their dates once the rounds exist (seedDemoParticipants).
                status: plan.status === 'closed' ? 'alumni' : 'in_placement',
                ...(plan.status === 'closed' ? { startsOn: '2022-01-10', endsOn: '2022-12-20' } : {}),
              },
              seq,
            );
          }
        }
      }
    }
    await seedDemoAgreementChain(tx);
    // Once the rounds exist: statuses along the lifecycle, and nominations awaiting a decision.
    await seedDemoParticipants(tx);
    // Courses consistent with those statuses: who left attended a preparatory course, who completed a homecoming seminar.
    await seedDemoCourses(tx);
    // After the chains above, which give every partnership an agreement: these two are part-way along.
    await seedDemoContinuations(tx, organisations, programmes, createSequence(4001));
    // Cochabamba and Quetzaltenango, in a running round with nobody nominated yet (its own sequence too).
    await seedDemoRadioHealth(tx, organisations, programmes, createSequence(4501));
    // A closed Health round call with two rounds in review and no money yet: the finance journey (its own sequence).
    const journeyCall = await seedDemoFinanceJourney(tx, organisations, programmes, createSequence(4801));
    // The money behind every call and granted stage above, except the journey's call.
    await seedDemoFinance(tx, { unfunded: [journeyCall.id] });
    // Exchange rates, other lines, and every application's first stored round budgets.
    await seedDemoBudgets(tx);
    // Partners' financial reports on their rounds (from those budgets): one approved, one awaiting review, one draft.
    await seedDemoFinancialReports(tx);
    // Results frameworks on every partnership, and the partners' results reports on their finished rounds: accepted, one awaiting the adviser, one draft.
    await seedDemoResults(tx);
    // The programme's history since 2001 for the public statistics (last: it counts what the rest put in 2024).
    // The server's start asks for it; tests that check the rest of the demo leave it out and stay fast.
    if (history) await seedDemoHistory(tx);
    return { seeded: true };
  });
}
