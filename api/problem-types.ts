/**
 * The problem types the API answers with, for the documentation page (one anchor each, the target of
 * a problem's `type`). A core refusal not listed here has its own `code` (the rule it broke, e.g.
 * `illegalTransition`), a status from the use-case, and a `detail` from the catalogs' `error.<code>`.
 */
export const documentedProblems: { code: string; status: number; meaning: string }[] = [
  { code: 'validation', status: 422, meaning: 'Values in the body are not valid (422), or query/path parameters are not (400). `errors` lists each: `pointer` (a JSON Pointer into the body, like /criteria/0/weight) or `parameter`, with a `code` and a `detail`.' },
  { code: 'malformedJson', status: 400, meaning: 'The body is not JSON at all.' },
  { code: 'unsupportedMediaType', status: 415, meaning: 'The body was not sent as application/json.' },
  { code: 'unauthenticated', status: 401, meaning: 'Sign in first: no valid session cookie came with the request.' },
  { code: 'forbidden', status: 403, meaning: 'Signed in, but your role does not allow this, or not for this record (another organisation’s).' },
  { code: 'crossSite', status: 403, meaning: 'A write with a form or text body, or none, came without `Origin` of this site (or `Sec-Fetch-Site: same-origin`), so it could have been sent by another site; nothing was done. Send `Origin` with this site’s address.' },
  { code: 'notFound', status: 404, meaning: 'No such record, or not one you may see: the two look the same on purpose.' },
  { code: 'noEndpoint', status: 404, meaning: 'No endpoint at this address.' },
  { code: 'versionRequired', status: 428, meaning: 'An update must say which version it is based on: the ETag in If-Match, or the `version` field.' },
  { code: 'invalidVersion', status: 400, meaning: 'The version sent is not one the API gave out.' },
  { code: 'staleEdit', status: 409, meaning: 'Someone saved the record after the version you sent; nothing changed. Read it again and apply your change to the new version.' },
  { code: 'illegalTransition', status: 409, meaning: 'The application’s status does not allow this step (approving one that is not in review, submitting one already submitted). `detail` names both statuses; read the application to see where it stands.' },
  { code: 'applicationLocked', status: 409, meaning: 'The application is no longer a draft or returned to its partners, so it cannot be changed.' },
  { code: 'submissionRefused', status: 422, meaning: 'Something stops the submission; nothing changed. `errors` lists each problem with a pointer to its section of the application (/partners, /plan, …), a `code` and a `detail` naming the partner concerned.' },
  { code: 'unitCostDraftExists', status: 409, meaning: 'The programme’s unit-cost table for that year already has a draft (its version is in `detail`): change that draft, or publish it before starting another.' },
  { code: 'unitCostTableNotDraft', status: 409, meaning: 'The unit-cost table version is published: it never changes again, so that budgets keep the rates they were computed with. Start a new draft.' },
  { code: 'unitCostDraftIncomplete', status: 409, meaning: 'The draft still has rates unset; nothing was published. `missing` lists a JSON Pointer into the draft (as PUT /v1/unit-cost-tables/{id} takes it) for each.' },
  { code: 'cityAmbiguous', status: 422, meaning: 'Several places in the organisation’s country have the name given as `city`, and none is clearly the one (spelt exactly so and ten times as large as any other). Nothing was saved. `candidates` lists them (id, name, adminCode, population, coordinates), best first; send the request again with `cityId` set to the id of the one meant.' },
  { code: 'cityNotFound', status: 422, meaning: 'No place of at least 1,000 people in the organisation’s country has the name given as `city` (GeoNames, case and accents aside). Check the spelling, or give the nearest town that is in the list.' },
  { code: 'cityNotInCountry', status: 422, meaning: 'The `cityId` sent is not a place in the organisation’s country (or not in the cities list at all).' },
  { code: 'cityNotCandidate', status: 422, meaning: 'The `cityId` sent is a place in the country, but not one called `city`: choose among the `candidates` for the city as sent, or leave `cityId` out.' },
  { code: 'similarOrganisation', status: 409, meaning: 'An organisation with a very similar name exists in that country; `similar` lists them and nothing was saved. Send again with `notADuplicate: true` if yours is a different one.' },
];
