/** Copies better-auth's Set-Cookie headers onto our response (there can be several). */
export function withCookies(from: Headers, extra: HeadersInit = {}): Headers {
  const headers = new Headers(extra);
  for (const cookie of from.getSetCookie()) headers.append('set-cookie', cookie);
  return headers;
}
