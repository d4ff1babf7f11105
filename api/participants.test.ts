import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
  const health = await createPartnership(testDb.db, { partners: [bergen, kathmandu] });
  const base = { partnershipId: health.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' };
  for (const [givenName, gender] of [['Sita', 'female'], ['Pooja', 'female'], ['Ramesh', 'male']] as const) {
    await createParticipant(testDb.db, { ...base, givenName, familyName: 'Shrestha', gender });
  }
  const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const finance = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  return { health, coordinator, finance };
}

describe('GET /api/v1/participants', () => {
  it('lists with filters and keyset pages, a Link to the next page', async () => {
    const w = await world();
    const api = apiAs(testDb.db, w.coordinator.actor);
    const first = await api.request(`/api/v1/participants?partnership=${w.health.id}&gender=female`);
    expect(first.status).toBe(200);
    const page = (await first.json()) as { items: { givenName: string; home: { country: string } }[]; total: number; totalCapped: boolean; next: string | null };
    expect(page).toMatchObject({ total: 2, totalCapped: false, next: null });
    expect(page.items.map((p) => p.givenName)).toEqual(['Pooja', 'Sita']);
    expect(page.items[0]!.home.country).toBe('NP');
  });

  it('answers bad filters and cursors with problem+json, visitors with 401, roles without participants with 403', async () => {
    const w = await world();
    const api = apiAs(testDb.db, w.coordinator.actor);
    for (const query of ['status=gone', 'age=old', 'year=1850', 'homeCountry=Nepal', 'partnership=42', 'after=not-a-cursor']) {
      const res = await api.request(`/api/v1/participants?${query}`, { headers: { 'accept-language': 'nb' } });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
    }
    expect((await apiAs(testDb.db).request('/api/v1/participants')).status).toBe(401);
    expect((await apiAs(testDb.db, w.finance.actor).request('/api/v1/participants')).status).toBe(403);
    expect((await apiAs(testDb.db, w.finance.actor).request('/api/v1/participants/export.csv')).status).toBe(403);
  });
});

describe('GET /api/v1/participants/export.csv', () => {
  it('streams the filtered list as CSV in the language asked for', async () => {
    const w = await world();
    const res = await apiAs(testDb.db, w.coordinator.actor).request(`/api/v1/participants/export.csv?partnership=${w.health.id}&gender=male`, { headers: { 'accept-language': 'fr' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?participants-\d{4}-\d{2}-\d{2}\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\n');
    expect(lines[0]).toMatch(/^Identifiant,Prénom,Nom de famille,Genre,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Ramesh,Shrestha,Homme,');
  });
});
