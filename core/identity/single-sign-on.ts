/**
 * The agency's single sign-on (OpenID Connect) as better-auth knows it: the provider id in its accounts,
 * in the sign-on request and in the address the provider sends people back to
 * (`/api/auth/callback/agency`, registered with the provider). Password accounts are `credential`.
 */
export const OIDC_PROVIDER_ID = 'agency';
