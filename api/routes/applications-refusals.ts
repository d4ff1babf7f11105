import { SubmissionRefusedError } from '../../core/applications/submit-application.ts';
import { DomainError } from '../../core/errors.ts';
import { FundsShortError } from '../../core/finance/funds-short-error.ts';
import { jsonPointer } from '../json-pointer.ts';
import { ApiProblem, type FieldLocation } from '../problem.ts';

/** Where the value a core rule names (its `field`) came from in this request; null when it came from nowhere the client can fix. */
export type FieldPlace = (field: string) => FieldLocation | null;

export const inBody: FieldPlace = (field) => ({ pointer: jsonPointer([field]) });

/**
 * The core's form-oriented refusals, said the API's way. A rule broken by a value in the body
 * (a 400 DomainError with a `field`, such as `monthsNotAllowed`) is a 422 pointing at it, like a
 * schema's refusal; one about a path parameter names the parameter. A refused submission lists each
 * problem with a pointer to its section in the application document (`/partners`, `/plan`; a
 * passed deadline, which no section can fix, at `/call/deadline`). Conflicts (409) are about the
 * record, not a field. Everything else is left to api.onError as it is.
 */
export function asApiRefusal(error: unknown, place: FieldPlace = inBody): unknown {
  if (error instanceof SubmissionRefusedError) {
    const issues = error.problems.map((p) => ({ pointer: p.section === 'submit' ? '/call/deadline' : jsonPointer([p.section]), code: p.code, params: p.params }));
    return new ApiProblem(error.status, error.code, { params: error.params, issues });
  }
  // Not enough money keeps its figures (api/problem.ts says them).
  if (error instanceof FundsShortError) return error;
  if (!(error instanceof DomainError) || !error.field || error.status === 401 || error.status === 403 || error.status === 404) return error;
  if (error.status !== 400) return new ApiProblem(error.status, error.code, { params: error.params });
  const location = place(error.field);
  if (!location) return new ApiProblem(400, error.code, { params: error.params });
  return new ApiProblem('pointer' in location ? 422 : 400, error.code, { params: error.params, issues: [{ ...location, code: error.code, params: error.params }] });
}

/** Runs a core use-case, rethrowing its refusals as `asApiRefusal` says them. */
export async function refusedAsApi<T>(work: Promise<T>, place: FieldPlace = inBody): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asApiRefusal(error, place);
  }
}
