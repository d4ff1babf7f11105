import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that run the platform on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO_DATA: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads PORT, DATABASE_URL and flags from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@127.0.0.1:5433/mx', DEMO_DATA: 'false' });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@127.0.0.1:5433/mx', DEMO_DATA: false });
  });

  it('names each wrong variable, its value and what is expected', () => {
    const load = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT="eighty": must be a number/);
    expect(load).toThrow(/DATABASE_URL="mysql:\/\/x": must start with postgres:\/\//);
    expect(load).toThrow(/LOG_LEVEL="loud"/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be between 1 and 65535/);
  });

  it('wants all three OIDC variables or none', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example' })).toThrow(/OIDC_CLIENT_ID="": set all three OIDC_ variables, or none/);
    expect(loadConfig({ OIDC_ISSUER: 'https://login.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).OIDC_ISSUER).toBe('https://login.example');
  });
});
