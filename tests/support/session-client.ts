import createClient from 'openapi-fetch';
import { expect } from 'vitest';
import type { paths } from '../../api/openapi-types.ts';
import type { ApiClient } from './api-client.ts';
import { publicUrl, type InProcessApp } from './in-process-app.ts';

/** The demo people's password (db/seed). */
export const demoPassword = 'exchange-demo-2026';

/**
 * One person's requests to the in-process app (tests/support/in-process-app.ts), as a browser-less client
 * sends them: with this site's Origin (or another's, or none), the cookies the server has set so far (a
 * small cookie jar: every Set-Cookie is kept, an expired one dropped), and redirects never followed, so
 * that an outcome is read from the status and the Location header.
 */
export class SessionClient {
  private readonly cookies = new Map<string, string>();
  /** The typed API client (tests/support/api-client.ts) over this person's session: their cookies and Origin. */
  readonly api: ApiClient;

  /** `server` is read at each request, so a client may be made before the app's `beforeAll` has run. */
  constructor(
    private readonly server: Pick<InProcessApp, 'app'>,
    private readonly origin: string | null = publicUrl,
  ) {
    this.api = createClient<paths>({ baseUrl: `${publicUrl}/api`, fetch: (request) => this.fetch(request) });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send('GET', path, { headers });
  }

  /** A form post (application/x-www-form-urlencoded), as a page's form sends it. */
  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.send('POST', path, { body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  postJson(path: string, data: unknown): Promise<Response> {
    return this.send('POST', path, { body: JSON.stringify(data), headers: { 'content-type': 'application/json' } });
  }

  /** Any request, its body sent as it is: for what the typed client will not send (a forged or malformed body). */
  send(method: string, path: string, { body, headers = {} }: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    return this.fetch(new Request(`${publicUrl}${path}`, { method, headers, body }));
  }

  /** The request with this person's Origin (unless it names one) and cookies; the cookies it sets are kept. */
  private async fetch(request: Request): Promise<Response> {
    const headers = new Headers(request.headers);
    if (this.origin && !headers.has('origin')) headers.set('origin', this.origin);
    if (!headers.has('accept')) headers.set('accept', '*/*');
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const body = request.body ? await request.arrayBuffer() : undefined;
    const response = await this.server.app.request(new Request(request.url, { method: request.method, headers, body }));
    for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
    return response;
  }

  private keep(setCookie: string) {
    const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const expired = value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** A demo person signed in through the sign-in page, as a person does. */
export async function signedInAs(server: Pick<InProcessApp, 'app'>, email: string): Promise<SessionClient> {
  const client = new SessionClient(server);
  const response = await client.post('/en/sign-in', { email, password: demoPassword });
  expect(response.status, `sign-in as ${email}`).toBe(302);
  return client;
}
