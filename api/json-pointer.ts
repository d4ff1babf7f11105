/**
 * A JSON Pointer (RFC 6901) to a value inside a request body, from a zod issue path:
 * ['criteria', 0, 'weight'] → "/criteria/0/weight". "~" and "/" inside a key are escaped as ~0 and ~1.
 * The empty path points at the whole body: "".
 */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
