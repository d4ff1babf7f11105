import Provider from 'oidc-provider';

export const OIDC_TEST_CLIENT = { id: 'exchange-platform', secret: 'e2e-client-secret-not-for-production' };

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) for end-to-end tests of agency
 * single sign-on. Its development login page accepts any login; the login is used as the email address.
 */
export async function startOidcTestProvider(port: number, redirectUri: string): Promise<{ issuer: string }> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.id,
        client_secret: OIDC_TEST_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id.toLowerCase(), email_verified: true, name: id.split('@')[0] };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['e2e-oidc-cookie-key'] },
    pkce: { required: () => true },
  });
  await new Promise<void>((resolve) => provider.listen(port, '127.0.0.1', () => resolve()));
  return { issuer };
}
