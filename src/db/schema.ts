import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** People: learners, issuers' staff, employers. Organization roles live in `memberships`. */
export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: createdAt(),
});

/** A person keeps several addresses over a lifetime; credentials follow the account, not one address. */
export const accountEmails = pgTable(
  'account_emails',
  {
    email: text('email').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    isPrimary: boolean('is_primary').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('account_emails_account_idx').on(table.accountId)],
);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  url: text('url'),
  email: text('email'),
  description: text('description'),
  /** URL of the logo shown in credentials (OB3 Profile `image`). */
  imageUrl: text('image_url'),
  /** ISO 3166-1 alpha-2, the awarding body's country (OB3 address, EU micro-credential element). */
  country: text('country'),
  /** Official identifiers (OB3 `otherIdentifier`): e.g. Erasmus code, national registry number. */
  officialIdentifiers: jsonb('official_identifiers')
    .$type<Array<{ identifierType: string; identifier: string }>>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.accountId] }),
    index('memberships_account_idx').on(table.accountId),
  ],
);

/** Only a SHA-256 of each session token is stored, so a database dump cannot sign anyone in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_account_idx').on(table.accountId)],
);

/** Machine credentials, scoped to one organization and one role; shown once, stored hashed. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so people can tell tokens apart without the secret. */
    displayPrefix: text('display_prefix').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [index('api_tokens_organization_idx').on(table.organizationId)],
);

/** Fixed-window counters in the shared database, so limits hold across stateless app servers. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/** Who did what, for people who must answer that question later. Never holds secrets. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    organizationId: uuid('organization_id'),
    target: text('target'),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [index('audit_events_organization_idx').on(table.organizationId, table.occurredAt)],
);

/**
 * Signing keys of issuers (and, with no organization, of the platform itself). The private key
 * is sealed with AES-256-GCM under a key derived from SKILLMARK_SECRET_KEY; it never leaves
 * the services layer in the clear. Retired keys stay listed so old credentials keep verifying.
 */
export const issuerKeys = pgTable(
  'issuer_keys',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    /** 'Ed25519' (Multikey) or 'RSA' (for VC-JWT RS256). */
    algorithm: text('algorithm').notNull(),
    /** The fragment naming the key in did:web documents, e.g. `key-1`. */
    fragment: text('fragment').notNull(),
    publicKeyMultibase: text('public_key_multibase'),
    publicKeyJwk: jsonb('public_key_jwk'),
    sealedPrivateKey: text('sealed_private_key').notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (table) => [index('issuer_keys_organization_idx').on(table.organizationId, table.algorithm)],
);

/** OB3 Achievements: the micro-credentials an organization defines and awards. */
export const achievements = pgTable(
  'achievements',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    achievementType: text('achievement_type').notNull(),
    /** The validated definition (domain AchievementInput), from which the OB3 document is built. */
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [index('achievements_organization_idx').on(table.organizationId)],
);

/** W3C Bitstring Status Lists, one per issuer and purpose (more once one fills up). */
export const statusLists = pgTable(
  'status_lists',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    size: integer('size').notNull(),
    /** The raw bitstring, uncompressed; encoded and signed when published. */
    bits: text('bits').notNull(),
    allocated: integer('allocated').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (table) => [index('status_lists_organization_idx').on(table.organizationId, table.purpose)],
);

/** Every credential issued here, stored exactly as signed (text, never re-serialized). */
export const issuedCredentials = pgTable(
  'issued_credentials',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    achievementId: uuid('achievement_id').references(() => achievements.id, {
      onDelete: 'set null',
    }),
    /** 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt' */
    format: text('format').notNull(),
    signed: text('signed').notNull(),
    recipientEmail: text('recipient_email'),
    recipientDid: text('recipient_did'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    revocationListId: uuid('revocation_list_id').references(() => statusLists.id),
    revocationIndex: integer('revocation_index'),
    suspensionListId: uuid('suspension_list_id').references(() => statusLists.id),
    suspensionIndex: integer('suspension_index'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  },
  (table) => [
    index('issued_credentials_organization_idx').on(table.organizationId, table.issuedAt),
    index('issued_credentials_recipient_email_idx').on(table.recipientEmail),
    uniqueIndex('issued_credentials_revocation_slot_idx').on(
      table.revocationListId,
      table.revocationIndex,
    ),
    uniqueIndex('issued_credentials_suspension_slot_idx').on(
      table.suspensionListId,
      table.suspensionIndex,
    ),
  ],
);
