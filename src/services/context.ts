import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { PasswordHasher } from './auth/passwords.ts';

/** What use cases need from the outside world; injected so tests control time and cost. */
export type ServiceContext = {
  db: Db;
  logger: Logger;
  now: () => Date;
  passwords: PasswordHasher;
  /** SKILLMARK_ADMIN_TOKEN, the operator's bootstrap credential. */
  adminToken: string | undefined;
  publicUrl: string;
  /** SKILLMARK_SECRET_KEY: the root of every at-rest and CSRF key (derived with HKDF). */
  secretKey: Buffer;
  /** Days before expiry at which reminders go out (SKILLMARK_REMINDER_DAYS). */
  reminderDays: readonly number[];
};
