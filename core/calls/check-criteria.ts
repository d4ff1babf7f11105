/** How many scoring criteria a call may have (the form offers this many rows). */
export const MAX_CRITERIA = 6;

export interface Criterion {
  name: string;
  weight: number;
}

export type CriteriaCheck =
  | { kind: 'ok'; criteria: Criterion[] }
  | { kind: 'refused'; code: string; params: Record<string, number> };

/**
 * A call's scoring criteria from the rows of a form. Rows left empty are ignored; every other row needs
 * a name and a whole, positive weight, and the weights must add up to 100, since an application's score
 * is the weighted mean of its scores. The first problem found is named, with its row (counted from 1).
 */
export function checkCriteria(rows: { name: string; weight: string }[]): CriteriaCheck {
  const filled = rows
    .map((r, index) => ({ name: r.name.trim(), weight: r.weight.trim(), row: index + 1 }))
    .filter((r) => r.name !== '' || r.weight !== '');
  if (filled.length === 0) return { kind: 'refused', code: 'criteriaRequired', params: {} };
  if (filled.length > MAX_CRITERIA) return { kind: 'refused', code: 'tooManyCriteria', params: { max: MAX_CRITERIA } };
  const criteria: Criterion[] = [];
  for (const r of filled) {
    if (r.name === '') return { kind: 'refused', code: 'criterionNameMissing', params: { row: r.row } };
    if (r.name.length > 120) return { kind: 'refused', code: 'criterionNameTooLong', params: { row: r.row } };
    if (!/^\d{1,3}$/.test(r.weight) || Number(r.weight) < 1 || Number(r.weight) > 100) {
      return { kind: 'refused', code: 'criterionWeightInvalid', params: { row: r.row } };
    }
    criteria.push({ name: r.name, weight: Number(r.weight) });
  }
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (sum !== 100) return { kind: 'refused', code: 'weightsSum', params: { sum } };
  return { kind: 'ok', criteria };
}
