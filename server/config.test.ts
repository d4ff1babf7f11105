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

  it('publishes IATI under the agency’s organisation identifier, NO-BRC-971277882 unless set', () => {
    expect(loadConfig({}).IATI_ORGANISATION_IDENTIFIER).toBe('NO-BRC-971277882');
    expect(loadConfig({ IATI_ORGANISATION_IDENTIFIER: 'XM-DAC-7' }).IATI_ORGANISATION_IDENTIFIER).toBe('XM-DAC-7');
    expect(() => loadConfig({ IATI_ORGANISATION_IDENTIFIER: 'Norec' })).toThrow(/IATI_ORGANISATION_IDENTIFIER="Norec": must be an IATI organisation identifier/);
  });

  it('keeps files in the database unless FILE_STORE says s3', () => {
    expect(loadConfig({})).toMatchObject({ FILE_STORE: 'database', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
    expect(() => loadConfig({ FILE_STORE: 'disk' })).toThrow(/FILE_STORE="disk": use database or s3/);
  });

  it('reads the S3 variables with FILE_STORE=s3', () => {
    const config = loadConfig({
      FILE_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'exchange-files',
      S3_REGION: 'eu-north-1',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config).toMatchObject({ FILE_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'exchange-files', S3_REGION: 'eu-north-1', S3_FORCE_PATH_STYLE: true });
    // Without keys, the AWS SDK finds its own credentials (instance role, profile).
    expect(loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'exchange-files' }).S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it('refuses an S3 store it could not use, naming each variable', () => {
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(/S3_BUCKET="": is needed with FILE_STORE=s3/);
    const load = () => loadConfig({ FILE_STORE: 's3', S3_BUCKET: 'My_Bucket', S3_ENDPOINT: 'ftp://files.example', S3_FORCE_PATH_STYLE: 'maybe', S3_ACCESS_KEY_ID: 'key' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/S3_BUCKET="My_Bucket": must be a bucket name/);
    expect(load).toThrow(/S3_ENDPOINT="ftp:\/\/files.example": must be an http:\/\/ or https:\/\/ URL/);
    expect(load).toThrow(/S3_FORCE_PATH_STYLE="maybe": use true or false/);
    expect(load).toThrow(/S3_SECRET_ACCESS_KEY="": set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither/);
  });

  it('refuses S3 variables without FILE_STORE=s3, and never shows a secret', () => {
    const load = () => loadConfig({ S3_BUCKET: 'exchange-files', S3_SECRET_ACCESS_KEY: 'do-not-print-me' });
    expect(load).toThrow(/S3_BUCKET="exchange-files": is only read with FILE_STORE=s3/);
    expect(load).toThrow(/S3_SECRET_ACCESS_KEY=\(hidden\): is only read with FILE_STORE=s3/);
    expect(load).not.toThrow(/do-not-print-me/);
  });
});
