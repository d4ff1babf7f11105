import { describe, expect, it } from 'vitest';
import { generateParticipants } from '../../bench/generate-participants.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { fingerprintRows } from './fingerprint.ts';

const testDb = useTestDatabase();

describe('the history generator with the bench configuration', () => {
  it('writes the same rows as the generator the recorded benchmarks ran on (2,000 participants, fingerprinted before the two generators became one)', async () => {
    // Small batches, so that the batching is part of what is checked.
    await generateParticipants(testDb.db, { count: 2000, batchSize: 700, progress: false });
    expect(await fingerprintRows(testDb.db, { idPrefix: '' })).toEqual({
      organisations: '40 b68aa070b255a9b153149914eccd502c',
      partnerships: '100 e35e3c3039f86be73220000b1c709696',
      partnership_partners: '227 1799552a9ab9b3406753d02116c1fe30',
      applications: '300 83242a8ed943bde48ba4b14af97a4e38',
      partnership_stages: '300 3a3c87f3063300606d952af2acf18d48',
      participants: '2000 6b1daeba347a80254286d2f8b7ffdda0',
      participant_status_history: '0 ',
    });
  });
});
