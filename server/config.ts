import { z } from 'zod';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../core/open-data/iati/stream-iati-activities.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: booleanFlag.default(true),
  /** With the demo data, also the programme's history since 2001 (about 12,000 people) for the public statistics. */
  DEMO_HISTORY: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10_000),
  /** The address people reach the platform at; links in emails point here. Defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url({ message: 'must be a full URL such as https://exchange.example.org' }).optional(),
  /** Signs session cookies. Without it a random one is generated and kept in DATA_DIR (development). */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -base64 32)').optional(),
  /**
   * The agency's IATI organisation identifier (registration agency prefix and number, as in the IATI
   * organisation registry): the reporting organisation of /open-data/iati/activities.xml, and the prefix of
   * every activity identifier there. Changing it changes every identifier: set it once, before publishing.
   */
  IATI_ORGANISATION_IDENTIFIER: z
    .string()
    .regex(/^[A-Z]{2}-[A-Za-z0-9]+-[A-Za-z0-9._-]+$/, 'must be an IATI organisation identifier such as NO-BRC-971277882 (prefix, hyphen, number)')
    .default(DEFAULT_IATI_ORGANISATION_IDENTIFIER),
  /** smtp://user:pass@host:587 or smtps://…; without it, email goes to the log and the admin mail viewer. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Exchange platform <no-reply@localhost>'),
  /** Agency single sign-on (OpenID Connect): the issuer URL, and this platform's client id and secret there. */
  OIDC_ISSUER: z.url({ message: 'must be the issuer URL, such as https://login.agency.example' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where files (application attachments) are kept: in the database, or an S3-compatible bucket (decision 010). */
  FILE_STORE: z.enum(['database', 's3'], { message: 'use database or s3' }).default('database'),
  /** The S3-compatible server, such as https://s3.eu-north-1.amazonaws.com or http://127.0.0.1:9000; AWS's own when absent. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL, such as https://s3.eu-north-1.amazonaws.com' }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens')
    .optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'must be a region name such as eu-north-1').default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Addresses objects as ENDPOINT/BUCKET/KEY rather than BUCKET.ENDPOINT/KEY; most self-hosted servers need it. */
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
}).superRefine((config, issues) => {
  const set = [config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (set !== 0 && set !== 3) {
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!config[name]) issues.addIssue({ code: 'custom', path: [name], message: 'set all three OIDC_ variables, or none' });
    }
  }
  const s3Names = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  if (config.FILE_STORE === 's3') {
    if (!config.S3_BUCKET) issues.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is needed with FILE_STORE=s3' });
    // Without either key the AWS SDK's own chain (its environment variables, profile or instance role) is used.
    if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
      for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!config[name]) issues.addIssue({ code: 'custom', path: [name], message: 'set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither' });
      }
    }
  } else {
    // Files would quietly go to the database while whoever set these expects the bucket.
    for (const name of s3Names) {
      if (config[name]) issues.addIssue({ code: 'custom', path: [name], message: 'is only read with FILE_STORE=s3: set FILE_STORE=s3, or remove it' });
    }
  }
  // Also when a variable is wrong on its own, so that start-up names every problem at once (the rules
  // above only ask whether a value is there).
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const secretNames = new Set(['AUTH_SECRET', 'OIDC_CLIENT_SECRET', 'S3_SECRET_ACCESS_KEY']);

/** Reads and validates the environment; a wrong value stops start-up with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    // A secret's value never reaches the log, even a wrong one.
    const shown = secretNames.has(name) && env[name] ? '(hidden)' : JSON.stringify(env[name] ?? '');
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
}
