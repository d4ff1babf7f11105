/**
 * Where the end-to-end server runs: E2E_PORT (default 3210) and the ports and data folder derived from it
 * (SMTP sink E2E_PORT+1, OpenID provider E2E_PORT+2, data in data/e2e-<port>), so that two `npm test`
 * runs side by side, each with its own E2E_PORT, never share a port or a database. A second server with the
 * demo's history since 2001 (for the public statistics) runs on E2E_PORT+3 with its own sink and provider
 * on +4 and +5: two runs side by side need E2E_PORTs at least 6 apart.
 */
export const e2ePort = Number(process.env.E2E_PORT ?? 3210);
export const e2eSmtpPort = e2ePort + 1;
export const e2eOidcPort = e2ePort + 2;
export const e2eDataDir = `data/e2e-${e2ePort}`;
/** The server with the demo history (12,000 people since 2001): the statistics journey's. */
export const e2eHistoryPort = e2ePort + 3;
