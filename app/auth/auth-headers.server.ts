/**
 * The request's headers for better-auth, with X-Forwarded-For set to the address the server itself
 * saw, so a session records the real client address and a client cannot write its own.
 */
export function authHeaders(request: Request, clientIp: string): Headers {
  const headers = new Headers(request.headers);
  headers.set('x-forwarded-for', clientIp);
  return headers;
}
