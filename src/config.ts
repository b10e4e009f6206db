import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Thrown when the environment cannot start Skillmark; its message says what to change. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
}

const secretKey = z
  .string()
  .refine(
    (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32,
    {
      message: 'must be 32 bytes of base64 (generate one with: openssl rand -base64 32)',
    },
  );

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SKILLMARK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  SKILLMARK_PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  SKILLMARK_SECRET_KEY: secretKey.optional(),
  SKILLMARK_ADMIN_TOKEN: z
    .string()
    .min(32, {
      message: 'must be at least 32 characters (generate one with: openssl rand -hex 32)',
    })
    .optional(),
  SKILLMARK_SEED: z.enum(['demo', 'none'], { message: "must be 'demo' or 'none'" }).default('demo'),
  SKILLMARK_CORS_ORIGINS: z.string().default(''),
  SKILLMARK_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SKILLMARK_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SKILLMARK_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(26_214_400),
  SKILLMARK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, {
      message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.org:465',
    })
    .optional(),
  SKILLMARK_MAIL_FROM: z.string().min(3).default('Skillmark <no-reply@localhost>'),
  SKILLMARK_REMINDER_DAYS: z
    .string()
    .default('90,30,7')
    .refine((value) => value.split(',').every((part) => /^\s*[1-9]\d{0,4}\s*$/.test(part)), {
      message:
        'must be a comma-separated list of positive whole numbers of days before expiry, e.g. 90,30,7',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** `undefined` means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  publicUrl: string;
  /** 32 bytes from which every at-rest encryption key is derived. */
  secretKey: Buffer;
  adminToken: string | undefined;
  seed: 'demo' | 'none';
  corsOrigins: string[];
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** For upload routes (project files, badge images): the whole request, files included. */
  uploadLimitBytes: number;
  /** Unset: notifications go to the development mailbox page (/dev/mailbox) only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Days before a credential's `validUntil` at which reminders go out, largest first. */
  reminderDays: number[];
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
};

type Environment = Record<string, string | undefined>;

/**
 * Reads and validates the environment once. An optional `.env` in the working directory is
 * loaded first; variables already set win over it.
 */
export function loadConfig(environment: Environment = readEnvironment()): Config {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.SKILLMARK_DATA_DIR);
  const publicUrl = (env.SKILLMARK_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    publicUrl,
    secretKey: resolveSecretKey(env.SKILLMARK_SECRET_KEY, env.DATABASE_URL, dataDir),
    adminToken: env.SKILLMARK_ADMIN_TOKEN,
    seed: env.SKILLMARK_SEED,
    corsOrigins: env.SKILLMARK_CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: env.SKILLMARK_TRUST_PROXY === 'true',
    bodyLimitBytes: env.SKILLMARK_BODY_LIMIT_BYTES,
    uploadLimitBytes: env.SKILLMARK_UPLOAD_LIMIT_BYTES,
    smtpUrl: env.SKILLMARK_SMTP_URL,
    mailFrom: env.SKILLMARK_MAIL_FROM,
    reminderDays: [...new Set(env.SKILLMARK_REMINDER_DAYS.split(',').map(Number))].sort(
      (a, b) => b - a,
    ),
    logLevel: env.LOG_LEVEL,
  };
}

function readEnvironment(): Environment {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

function withoutEmptyValues(environment: Environment): Environment {
  return Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
}

/**
 * On the embedded database the key is generated into the data folder on first start, so a
 * fresh clone runs with no setup; a server database is shared by several app servers, which
 * must all hold the same key, so there it must come from the environment.
 */
function resolveSecretKey(
  fromEnvironment: string | undefined,
  databaseUrl: string | undefined,
  dataDir: string,
): Buffer {
  if (fromEnvironment) return Buffer.from(fromEnvironment, 'base64');
  if (databaseUrl) {
    throw new ConfigError(
      'Invalid configuration:\n  SKILLMARK_SECRET_KEY is required when DATABASE_URL is set; it must be 32 bytes of base64 (generate one with: openssl rand -base64 32)',
    );
  }
  const keyFile = join(dataDir, 'secret.key');
  if (existsSync(keyFile)) {
    const stored = readFileSync(keyFile, 'utf8').trim();
    if (!secretKey.safeParse(stored).success) {
      throw new ConfigError(`Invalid configuration:\n  ${keyFile} must hold 32 bytes of base64`);
    }
    return Buffer.from(stored, 'base64');
  }
  mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32);
  writeFileSync(keyFile, `${generated.toString('base64')}\n`, { mode: 0o600 });
  return generated;
}
