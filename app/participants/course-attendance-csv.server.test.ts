import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator.ts';
import { attendanceCsv, attendanceFileName } from './course-attendance-csv.server.ts';

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const sessions = [
  { id: 's1', day: '2027-01-11', startTime: '09:00', endTime: '15:00', place: 'Førde' },
  { id: 's2', day: '2027-01-18', startTime: '09:00', endTime: '12:30', place: 'Førde' },
];
const person = (id: string, givenName: string, familyName: string, homeOrganisation: string, attendance: Record<string, boolean>) => ({
  id,
  givenName,
  familyName,
  homeOrganisation,
  status: 'preparing' as const,
  enrolledAt: new Date(),
  attendance,
  attendedAll: sessions.every((s) => attendance[s.id] === true),
});

describe('the attendance CSV', () => {
  it('is UTF-8 with a BOM, a translated header, and names with commas, quotes and non-Latin letters intact', async () => {
    const enrolled = [
      person('a', 'Sita', 'Shrestha, "Didi"', 'Kathmandu Model Hospital', { s1: true, s2: true }),
      person('b', 'सीता', 'श्रेष्ठ', 'काठमाडौं अस्पताल', { s1: false }),
      person('c', 'Zoë', 'Ødegård\nBerg', 'Haukeland, Bergen', {}),
      person('d', '=HYPERLINK("http://evil.example")', '@SUM(A1)', '+47 Hospital', { s1: true, s2: true }),
    ];
    const bytes = new Uint8Array(await new Response(attendanceCsv(createTranslator('nb'), { sessions, enrolled })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 4)).toEqual(['Etternavn', 'Fornavn', 'Utsendende organisasjon', 'Status']);
    expect(rows[0]).toHaveLength(7);
    expect(rows[0]![4]).toContain('09:00–15:00');
    expect(rows[0]![6]).toBe('Deltok på alt');
    expect(rows.slice(1, 4)).toEqual([
      ['Shrestha, "Didi"', 'Sita', 'Kathmandu Model Hospital', 'Forbereder seg', 'til stede', 'til stede', 'ja'],
      ['श्रेष्ठ', 'सीता', 'काठमाडौं अस्पताल', 'Forbereder seg', 'fraværende', 'ikke registrert', 'nei'],
      ['Ødegård\nBerg', 'Zoë', 'Haukeland, Bergen', 'Forbereder seg', 'ikke registrert', 'ikke registrert', 'nei'],
    ]);
    // A name that would be a spreadsheet formula is kept, but not as one.
    expect(rows[4]!.slice(0, 3)).toEqual(["'@SUM(A1)", '\'=HYPERLINK("http://evil.example")', "'+47 Hospital"]);
    expect(rows).toHaveLength(5);
  });

  it('names the file by the course, in the page’s language', () => {
    expect(attendanceFileName(createTranslator('es'), 'Curso de Førde')).toBe('Curso de Førde – asistencia.csv');
  });
});
