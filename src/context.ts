import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import type {
  PresentationVerificationResult,
  PresentationVerifyOptions,
  SafeFetch,
  VerificationResult,
} from './credentials/index.ts';
import { type Database, openEmbeddedDatabase, openPostgresDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { createPasswordHasher } from './services/auth/passwords.ts';
import type { ServiceContext } from './services/context.ts';
import { createVerifier } from './services/credentials/verify-credential.ts';
import { defaultOutboundHttp, type OutboundHttp } from './services/outbound-http.ts';

/** Everything a request, a job or a CLI command needs, built once in one place. */
export type AppContext = ServiceContext & {
  config: Config;
  database: Database;
  /** The one verifier (API, pages, CLI); never throws on bad input. */
  verifyCredential: (input: unknown) => Promise<VerificationResult>;
  verifyPresentation: (
    input: unknown,
    options?: PresentationVerifyOptions,
  ) => Promise<PresentationVerificationResult>;
  /** Requests to organization-configured URLs (webhooks, LTI platforms), SSRF-checked per send. */
  outboundHttp: OutboundHttp;
  close(): Promise<void>;
};

export type AppContextOverrides = Partial<
  Pick<AppContext, 'database' | 'logger' | 'now' | 'passwords'>
> & {
  migrate?: boolean;
  /** Replaces the network for verification (tests); defaults to the SSRF-safe fetch. */
  safeFetch?: SafeFetch;
  /** Replaces outbound HTTP to webhook receivers and LMS platforms (tests). */
  outboundHttp?: OutboundHttp;
};

/** Paths that may carry secrets; pino replaces them before anything is written. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.secretKey',
  '*.privateKey',
  '*.adminToken',
];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: redactedLogPaths, censor: '[redacted]' },
  });
}

/** The composition root: opens the database, applies migrations, wires the services. */
export async function createAppContext(
  config: Config,
  overrides: AppContextOverrides = {},
): Promise<AppContext> {
  const database =
    overrides.database ??
    (config.databaseUrl
      ? openPostgresDatabase(config.databaseUrl)
      : await openEmbeddedDatabase(config.dataDir));
  if (overrides.migrate !== false) await runMigrations(database);
  const services: ServiceContext = {
    db: database.db,
    logger: overrides.logger ?? createLogger(config),
    now: overrides.now ?? (() => new Date()),
    passwords: overrides.passwords ?? createPasswordHasher(),
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    secretKey: config.secretKey,
    reminderDays: config.reminderDays,
  };
  return {
    ...services,
    config,
    database,
    ...createVerifier(services, { safeFetch: overrides.safeFetch }),
    outboundHttp: overrides.outboundHttp ?? defaultOutboundHttp(config.publicUrl),
    close: () => database.close(),
  };
}
