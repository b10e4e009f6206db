import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
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

/* ---------- Competency frameworks (CASE, ESCO, local) ---------- */

/** A framework of competencies: an organization's own, a CASE import, or the ESCO classification. */
export const frameworks = pgTable(
  'frameworks',
  {
    id: uuid('id').primaryKey(),
    /** Null for platform-wide classifications such as ESCO. */
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    /** 'local' | 'case' | 'esco' */
    source: text('source').notNull(),
    /** The source's own identifier (CASE CFDocument identifier, ESCO scheme URI), unique per owner. */
    identifier: text('identifier').notNull(),
    uri: text('uri').notNull(),
    title: text('title').notNull(),
    creator: text('creator'),
    description: text('description'),
    version: text('version'),
    language: text('language'),
    /** Imported classifications are read-only: they change by re-import, never by hand. */
    readOnly: boolean('read_only').notNull().default(false),
    /** Shown wherever the framework's data is displayed (ESCO requires it). */
    attribution: text('attribution'),
    /** The source document's extra fields (CASE CFDocument), kept for a faithful export. */
    extra: jsonb('extra').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('frameworks_owner_identifier_idx').on(table.organizationId, table.identifier),
  ],
);

/** A competency (CASE CFItem, ESCO skill or knowledge concept). */
export const competencies = pgTable(
  'competencies',
  {
    id: uuid('id').primaryKey(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    /** The source's identifier (CFItem identifier, ESCO conceptUri), unique within the framework. */
    identifier: text('identifier').notNull(),
    /** Stable URI of the competency (CASE uri, ESCO conceptUri, or ours). */
    uri: text('uri').notNull(),
    statement: text('statement').notNull(),
    abbreviatedStatement: text('abbreviated_statement'),
    code: text('code'),
    /** CFItemType, or ESCO skillType ('skill/competence', 'knowledge'). */
    type: text('type'),
    level: text('level'),
    educationLevel: jsonb('education_level').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    conceptKeywords: jsonb('concept_keywords')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Alternative labels (ESCO altLabels), for search and goal matching. */
    altLabels: jsonb('alt_labels').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    description: text('description'),
    sequenceNumber: integer('sequence_number'),
    extra: jsonb('extra').notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('competencies_framework_identifier_idx').on(table.frameworkId, table.identifier),
    index('competencies_uri_idx').on(table.uri),
  ],
);

/** CASE CFAssociations and ESCO relations between competencies (or to outside URIs). */
export const competencyAssociations = pgTable(
  'competency_associations',
  {
    id: uuid('id').primaryKey(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    identifier: text('identifier').notNull(),
    /** 'isChildOf' | 'precedes' | 'isRelatedTo' | 'exactMatchOf' | 'isPartOf' | ... (CASE association types) */
    associationType: text('association_type').notNull(),
    /** Set when the end is a competency of this platform; the URI is always kept. */
    originId: uuid('origin_id').references(() => competencies.id, { onDelete: 'cascade' }),
    originUri: text('origin_uri').notNull(),
    destinationId: uuid('destination_id').references(() => competencies.id, {
      onDelete: 'cascade',
    }),
    destinationUri: text('destination_uri').notNull(),
    sequenceNumber: integer('sequence_number'),
    extra: jsonb('extra').notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [
    uniqueIndex('competency_associations_identifier_idx').on(table.frameworkId, table.identifier),
    index('competency_associations_origin_idx').on(table.originId),
    index('competency_associations_destination_idx').on(table.destinationId),
  ],
);

/** ESCO occupations (and employers' custom roles later), with their skill profiles. */
export const occupations = pgTable(
  'occupations',
  {
    id: uuid('id').primaryKey(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    uri: text('uri').notNull(),
    preferredLabel: text('preferred_label').notNull(),
    altLabels: jsonb('alt_labels').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    description: text('description'),
    code: text('code'),
    iscoGroup: text('isco_group'),
  },
  (table) => [uniqueIndex('occupations_framework_uri_idx').on(table.frameworkId, table.uri)],
);

export const occupationSkills = pgTable(
  'occupation_skills',
  {
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupations.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    /** 'essential' | 'optional' */
    relation: text('relation').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.occupationId, table.competencyId] }),
    index('occupation_skills_competency_idx').on(table.competencyId),
  ],
);

/* ---------- Criteria, assessments, evidence and mastery ---------- */

/**
 * What an achievement requires per competency: which assessments, the cut score or rubric level,
 * and how many independent pieces of evidence (domain `CompetencyCriterion`).
 */
export const achievementCriteria = pgTable(
  'achievement_criteria',
  {
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'restrict' }),
    rule: jsonb('rule').notNull(),
  },
  (table) => [primaryKey({ columns: [table.achievementId, table.competencyId] })],
);

/** Quizzes, projects and peer-reviewed tasks; `settings` holds the kind's own options. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** 'quiz' | 'project' | 'peer-review' */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    /** For projects and peer reviews: the rubric they are scored against. */
    rubricId: uuid('rubric_id'),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [index('assessments_organization_idx').on(table.organizationId)],
);

export const assessmentCompetencies = pgTable(
  'assessment_competencies',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'restrict' }),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.competencyId] })],
);

/** A quiz's item bank. `answerKey` never leaves the server before an attempt is submitted. */
export const quizItems = pgTable(
  'quiz_items',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'restrict' }),
    /** 'single' | 'multiple' | 'numeric' | 'text' */
    kind: text('kind').notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').notNull().default(sql`'[]'::jsonb`),
    answerKey: jsonb('answer_key').notNull(),
    points: integer('points').notNull().default(1),
  },
  (table) => [index('quiz_items_assessment_idx').on(table.assessmentId)],
);

/** One attempt: the randomized form drawn for it, the answers, and the server's score. */
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    form: jsonb('form').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers'),
    /** 0..1 */
    score: jsonb('score'),
    subScores: jsonb('sub_scores'),
    /** What happened during the attempt (started, answered, submitted, refused), for the issuer. */
    log: jsonb('log').notNull().default(sql`'[]'::jsonb`),
  },
  (table) => [
    uniqueIndex('quiz_attempts_number_idx').on(
      table.assessmentId,
      table.learnerId,
      table.attemptNumber,
    ),
  ],
);

/** Rubric: criteria × levels, each criterion mapped to a competency. */
export const rubrics = pgTable('rubrics', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  criteria: jsonb('criteria').notNull(),
  createdAt: createdAt(),
});

/** Project work (and peer-reviewed tasks) submitted by a learner. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    links: jsonb('links').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** 'submitted' | 'accepted' | 'resubmission-requested' */
    status: text('status').notNull(),
    /** The learner allows this work to be linked as evidence in the credential. */
    shareAsEvidence: boolean('share_as_evidence').notNull().default(false),
    /** Similar passages found in other learners' submissions, for the assessor. */
    similarity: jsonb('similarity').notNull().default(sql`'[]'::jsonb`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('submissions_version_idx').on(table.assessmentId, table.learnerId, table.version),
    index('submissions_status_idx').on(table.assessmentId, table.status),
  ],
);

export const submissionFiles = pgTable('submission_files', {
  id: uuid('id').primaryKey(),
  submissionId: uuid('submission_id')
    .notNull()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  /** The storage provider's key; never a path from the client. */
  storageKey: text('storage_key').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
});

/** Assessor and peer reviews against the rubric. Peer reviews are anonymous to learners. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** 'assessor' | 'peer' */
    role: text('role').notNull(),
    /** criterion id → level reached */
    levels: jsonb('levels'),
    feedback: text('feedback'),
    /** 'accept' | 'resubmit' (assessors) */
    decision: text('decision'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('reviews_reviewer_idx').on(table.submissionId, table.reviewerId),
    index('reviews_pending_idx').on(table.reviewerId, table.completedAt),
  ],
);

/** Evidence of a competency: one scored observation from an attempt or a review. */
export const competencyEvidence = pgTable(
  'competency_evidence',
  {
    id: uuid('id').primaryKey(),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    /** 'quiz-attempt' | 'submission' */
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** Normalized 0..1 (quiz sub-score, or rubric level / top level). */
    score: jsonb('score').notNull(),
    /** Rubric level reached, for rubric-scored evidence. */
    level: integer('level'),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('competency_evidence_learner_idx').on(table.learnerId, table.competencyId)],
);

/** Messages to people; stored first, sent by the outbox worker, never lost if sending fails. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_account_idx').on(table.accountId, table.createdAt),
    index('notifications_outbox_idx').on(table.sentAt, table.nextAttemptAt),
  ],
);

/* ---------- Learner wallet ---------- */

/**
 * Every credential a learner keeps: issued here (claimed by a verified email or DID) or imported.
 * `content` is the credential exactly as received (JSON text or a VC-JWT); baked images keep the
 * credential they carried. The last verification is cached for lists; pages verify live.
 */
export const walletCredentials = pgTable(
  'wallet_credentials',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** 'issued' | 'imported' */
    source: text('source').notNull(),
    issuedCredentialId: uuid('issued_credential_id').references(() => issuedCredentials.id, {
      onDelete: 'set null',
    }),
    /** How it arrived: 'json' | 'jwt' | 'png' | 'svg' | 'clr' | 'ob2' */
    receivedAs: text('received_as').notNull(),
    content: text('content').notNull(),
    /** SHA-256 of the content, so the same credential is kept once per learner. */
    contentHash: text('content_hash').notNull(),
    issuerId: text('issuer_id'),
    issuerName: text('issuer_name'),
    achievementName: text('achievement_name'),
    /** Alignment targets ({ name, url }) for the skill filter and the portfolio grouping. */
    skills: jsonb('skills')
      .$type<Array<{ name: string; url?: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    issuedOn: timestamp('issued_on', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** 'valid' | 'revoked' | 'suspended' | 'expired' | 'not-yet-valid' | 'invalid' */
    status: text('status').notNull(),
    verification: jsonb('verification').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
    /** Shown on the learner's public e-portfolio. Nothing is public unless chosen. */
    inPortfolio: boolean('in_portfolio').notNull().default(false),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('wallet_credentials_account_idx').on(table.accountId, table.addedAt),
    uniqueIndex('wallet_credentials_content_idx').on(table.accountId, table.contentHash),
  ],
);

/** Proof of control of an email address, to add it to an account and claim what was issued to it. */
export const emailVerifications = pgTable(
  'email_verifications',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('email_verifications_account_idx').on(table.accountId)],
);

/** DIDs a learner has proven control of (credentials issued to them land in the wallet). */
export const accountDids = pgTable('account_dids', {
  did: text('did').primaryKey(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
});

/** Revocable public links to one credential. The token is the capability; revoking kills the link. */
export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').primaryKey(),
    walletCredentialId: uuid('wallet_credential_id')
      .notNull()
      .references(() => walletCredentials.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    views: integer('views').notNull().default(0),
  },
  (table) => [index('share_links_credential_idx').on(table.walletCredentialId)],
);

/** A learner's public e-portfolio settings; unpublished until the learner publishes it. */
export const portfolios = pgTable('portfolios', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull().unique(),
  headline: text('headline'),
  published: boolean('published').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A learner's holder key (did:key), sealed like issuer keys, for signing presentations. */
export const holderKeys = pgTable('holder_keys', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().unique(),
  publicKeyMultibase: text('public_key_multibase').notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  createdAt: createdAt(),
});

/* ---------- Transparency log (issue 10): RFC 9162 Merkle tree of issuance events ---------- */

/** The log's one state row (id 1): its size. Appending locks it, which orders all appends. */
export const transparencyLog = pgTable('transparency_log', {
  id: integer('id').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
});

/** One row per logged event, in log order; `leaf` is the canonical JSON text that is hashed. */
export const transparencyEntries = pgTable(
  'transparency_entries',
  {
    index: bigint('index', { mode: 'number' }).primaryKey(),
    eventType: text('event_type').notNull(),
    leaf: text('leaf').notNull(),
    /** Hex SHA-256 of the credential as signed, for looking up its inclusion proof. */
    credentialHash: text('credential_hash'),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('transparency_entries_credential_idx').on(table.credentialHash)],
);

/** Hashes of complete subtrees by (level, index): written once, never changed. */
export const transparencyNodes = pgTable(
  'transparency_nodes',
  {
    level: integer('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.level, table.index] })],
);

/** Signed tree heads, one per size the log was signed at; the history is kept. */
export const transparencyHeads = pgTable('transparency_heads', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  /** Compact JWS (EdDSA) over the head's canonical JSON, by the platform key. */
  signature: text('signature').notNull(),
  keyId: text('key_id').notNull(),
});

/** Witnesses whose cosignatures of tree heads this log accepts. */
export const transparencyWitnesses = pgTable('transparency_witnesses', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  publicKeyMultibase: text('public_key_multibase').notNull(),
  createdAt: createdAt(),
});

/** A witness's signature over a tree head, verified on receipt. */
export const transparencyCosignatures = pgTable(
  'transparency_cosignatures',
  {
    treeSize: bigint('tree_size', { mode: 'number' })
      .notNull()
      .references(() => transparencyHeads.treeSize, { onDelete: 'cascade' }),
    witnessId: uuid('witness_id')
      .notNull()
      .references(() => transparencyWitnesses.id, { onDelete: 'cascade' }),
    signature: text('signature').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.treeSize, table.witnessId] })],
);

/* ---------- Pathways, recognition, CLR, endorsements, renewals, jobs ---------- */

/** A larger qualification: a requirement tree (domain `PathwayRequirement`) over credentials. */
export const pathways = pgTable(
  'pathways',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The achievement the pathway's own credential certifies. */
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'restrict' }),
    requirement: jsonb('requirement').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [index('pathways_organization_idx').on(table.organizationId)],
);

/** One row per learner and pathway once completed: the primary key makes issuance happen once. */
export const pathwayCompletions = pgTable(
  'pathway_completions',
  {
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    issuedCredentialId: uuid('issued_credential_id').references(() => issuedCredentials.id, {
      onDelete: 'set null',
    }),
    /** Wallet entries from other issuers that counted (recognition of prior learning). */
    countedExternal: jsonb('counted_external').notNull().default(sql`'[]'::jsonb`),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.pathwayId, table.accountId] })],
);

/** Recognition of prior learning: which external issuer/achievement counts as what. */
export const recognitionRules = pgTable(
  'recognition_rules',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    externalIssuerId: text('external_issuer_id').notNull(),
    /** Null: any achievement of that issuer whose alignments match (see `matchAlignments`). */
    externalAchievementId: text('external_achievement_id'),
    /** Our achievement it counts as. */
    countsAsAchievementId: uuid('counts_as_achievement_id').references(() => achievements.id, {
      onDelete: 'cascade',
    }),
    matchAlignments: boolean('match_alignments').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [index('recognition_rules_organization_idx').on(table.organizationId)],
);

/** OB3 EndorsementCredentials an organization issued about an achievement or an issuer. */
export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey(),
    endorserOrganizationId: uuid('endorser_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** 'achievement' | 'issuer' */
    targetKind: text('target_kind').notNull(),
    /** The achievement id (ours) or the endorsed organization id. */
    targetId: uuid('target_id').notNull(),
    issuedCredentialId: uuid('issued_credential_id')
      .notNull()
      .references(() => issuedCredentials.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [index('endorsements_target_idx').on(table.targetKind, table.targetId)],
);

/** A renewal issues a new credential that references the one it renews. */
export const credentialRenewals = pgTable('credential_renewals', {
  renewedCredentialId: uuid('renewed_credential_id')
    .primaryKey()
    .references(() => issuedCredentials.id, { onDelete: 'cascade' }),
  predecessorCredentialId: uuid('predecessor_credential_id')
    .notNull()
    .references(() => issuedCredentials.id, { onDelete: 'cascade' }),
  renewedAt: timestamp('renewed_at', { withTimezone: true }).notNull(),
});

/**
 * Durable scheduled work (expiry reminders, ...). `dedupeKey` makes scheduling idempotent, so a
 * reminder is never planned twice; a job claimed by a crashed worker is retried after its lease.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** 'pending' | 'done' | 'failed' */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('jobs_due_idx').on(table.status, table.runAt)],
);

/* ---------- Credential lifecycle events (analytics, webhooks) ---------- */

/**
 * What happened to credentials issued here, one row per event: issued, revoked, suspended,
 * reinstated, claimed (landed in a learner's wallet), shared (a public link made) and verified
 * (checked through our public verifier). Issuer analytics count these; webhooks deliver them.
 * Written in the transaction of the change itself, so an event exists iff the change happened.
 */
export const credentialEvents = pgTable(
  'credential_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    issuedCredentialId: uuid('issued_credential_id')
      .notNull()
      .references(() => issuedCredentials.id, { onDelete: 'cascade' }),
    /** 'issued' | 'revoked' | 'suspended' | 'reinstated' | 'claimed' | 'shared' | 'verified' */
    type: text('type').notNull(),
    /** The learner who claimed or shared it; null for issuer actions and anonymous verifiers. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  },
  (table) => [
    index('credential_events_organization_idx').on(table.organizationId, table.occurredAt),
    index('credential_events_credential_idx').on(table.issuedCredentialId),
  ],
);

// ── Issue 11: OAuth 2.0 for the Open Badges 3.0 API ─────────────────────────────────────────────

/** A client registered by RFC 7591 dynamic registration; the secret is stored as SHA-256 only. */
export const oauthClients = pgTable('oauth_clients', {
  id: text('id').primaryKey(),
  /** Null for a public client (token_endpoint_auth_method "none"), which must rely on PKCE. */
  secretHash: text('secret_hash'),
  clientName: text('client_name').notNull(),
  clientUri: text('client_uri').notNull(),
  logoUri: text('logo_uri'),
  tosUri: text('tos_uri'),
  policyUri: text('policy_uri'),
  softwareId: text('software_id'),
  softwareVersion: text('software_version'),
  redirectUris: jsonb('redirect_uris').$type<string[]>().notNull(),
  /** Space-separated scopes the client may ever ask for. */
  scope: text('scope').notNull(),
  tokenEndpointAuthMethod: text('token_endpoint_auth_method').notNull(),
  contacts: jsonb('contacts').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** RFC 7591 grant_types: refresh tokens go only to clients that registered "refresh_token". */
  grantTypes: jsonb('grant_types')
    .$type<string[]>()
    .notNull()
    .default(sql`'["authorization_code"]'::jsonb`),
  createdAt: createdAt(),
});

/**
 * What a learner approved for one client: one row per (client, account), so the "authorized
 * apps" page lists each app once. Revoking it revokes every token issued under it.
 */
export const oauthGrants = pgTable(
  'oauth_grants',
  {
    id: uuid('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('oauth_grants_client_account_idx').on(table.clientId, table.accountId)],
);

/** RFC 6749 §4.1.2: short-lived, single use, bound to client, redirect URI and PKCE challenge. */
export const oauthAuthorizationCodes = pgTable('oauth_authorization_codes', {
  codeHash: text('code_hash').primaryKey(),
  grantId: uuid('grant_id')
    .notNull()
    .references(() => oauthGrants.id, { onDelete: 'cascade' }),
  clientId: text('client_id').notNull(),
  accountId: uuid('account_id').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  /** RFC 7636 S256 challenge (base64url of SHA-256 of the verifier). */
  codeChallenge: text('code_challenge').notNull(),
  scope: text('scope').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Access and refresh tokens (SHA-256 only). A used refresh token is rotated: `usedAt` is set. */
export const oauthTokens = pgTable(
  'oauth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => oauthGrants.id, { onDelete: 'cascade' }),
    /** 'access' | 'refresh' */
    kind: text('kind').notNull(),
    scope: text('scope').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('oauth_tokens_grant_idx').on(table.grantId)],
);

// ── Issue 11: webhooks for organizations ───────────────────────────────────────────────────────

/** An organization's webhook endpoint. The signing secret is sealed (HMAC needs it back). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Subscribed event types, e.g. ['credential.issued', 'credential.revoked']. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    sealedSecret: text('sealed_secret').notNull(),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (table) => [index('webhook_endpoints_organization_idx').on(table.organizationId)],
);

/**
 * The durable outbox: one row per (endpoint, credential event), written in the transaction of the
 * event. `id` is the Standard Webhooks message id, stable across retries and redeliveries.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    /** The exact body that is signed and sent. */
    body: text('body').notNull(),
    /** 'pending' | 'delivered' | 'failed' (gave up after the last retry) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('webhook_deliveries_endpoint_event_idx').on(table.endpointId, table.eventId),
    index('webhook_deliveries_due_idx').on(table.status, table.nextAttemptAt),
  ],
);

/** The delivery log: every attempt with its outcome, for owners to debug their receivers. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
  },
  (table) => [index('webhook_attempts_delivery_idx').on(table.deliveryId, table.attemptedAt)],
);

// ── Issue 11: LTI 1.3 tool ─────────────────────────────────────────────────────────────────────

/** An LMS registered with one organization (IMS LTI 1.3 §3.1: issuer + client_id identify it). */
export const ltiPlatforms = pgTable(
  'lti_platforms',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    deploymentIds: jsonb('deployment_ids').$type<string[]>().notNull(),
    authLoginUrl: text('auth_login_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('lti_platforms_issuer_client_idx').on(table.issuer, table.clientId)],
);

/** The tool's RSA key pairs (private key sealed like issuer keys); the newest signs. */
export const ltiToolKeys = pgTable('lti_tool_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  createdAt: createdAt(),
});

/** OIDC login state: the nonce is single use, consumed by the launch that presents the state. */
export const ltiLoginStates = pgTable('lti_login_states', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  platformId: uuid('platform_id')
    .notNull()
    .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
  targetLinkUri: text('target_link_uri').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** A verified launch, kept briefly so the learner can link accounts or the instructor pick. */
export const ltiLaunches = pgTable('lti_launches', {
  id: text('id').primaryKey(),
  platformId: uuid('platform_id')
    .notNull()
    .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  messageType: text('message_type').notNull(),
  claims: jsonb('claims').$type<Record<string, unknown>>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** LMS user (platform + sub) ↔ Skillmark learner. */
export const ltiUserLinks = pgTable(
  'lti_user_links',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    linkedBy: text('linked_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.platformId, table.subject] })],
);

/** A placement in a course (resource link) tied to one achievement and its award rule. */
export const ltiResourceLinks = pgTable(
  'lti_resource_links',
  {
    id: uuid('id').primaryKey(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    resourceLinkId: text('resource_link_id').notNull(),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    /** Fraction of the maximum score (0..1) at or above which the achievement is awarded. */
    scoreThreshold: text('score_threshold').notNull(),
    lineItemUrl: text('line_item_url'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('lti_resource_links_platform_link_idx').on(table.platformId, table.resourceLinkId),
  ],
);

/** One award per LMS user and resource link: the primary key makes grade passback award once. */
export const ltiAwards = pgTable(
  'lti_awards',
  {
    resourceLinkId: uuid('resource_link_id')
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    issuedCredentialId: uuid('issued_credential_id')
      .notNull()
      .references(() => issuedCredentials.id, { onDelete: 'cascade' }),
    score: text('score').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.resourceLinkId, table.subject] })],
);
/* ---------- Issue 8: trust registry (issuers vouched for by platform admins) ---------- */

/**
 * Issuers this platform's administrators vouch for, with their accreditation and quality
 * assurance. An entry names an issuer in exactly one way (`kind`): one of our organizations, a
 * DID (exact match), or a domain (the host of a did:web or of an https issuer URL). Past
 * `validUntil` the entry no longer vouches and verification says "no longer trusted".
 */
export const trustedIssuers = pgTable(
  'trusted_issuers',
  {
    id: uuid('id').primaryKey(),
    /** 'organization' | 'did' | 'domain' */
    kind: text('kind').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    did: text('did'),
    domain: text('domain'),
    name: text('name').notNull(),
    accreditingBody: text('accrediting_body'),
    accreditationId: text('accreditation_id'),
    accreditationUrl: text('accreditation_url'),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('trusted_issuers_organization_idx').on(table.organizationId),
    uniqueIndex('trusted_issuers_did_idx').on(table.did),
    uniqueIndex('trusted_issuers_domain_idx').on(table.domain),
  ],
);

/* ---------- Issue 9: bulk awards as durable, resumable jobs ---------- */

/**
 * One uploaded award list. 'validated' (report shown, not started) → 'running' → 'completed'
 * (every accepted row issued or failed); retrying failed rows puts it back to 'running'.
 */
export const bulkAwardJobs = pgTable(
  'bulk_award_jobs',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The achievement of rows that do not name their own. */
    achievementId: uuid('achievement_id').references(() => achievements.id, {
      onDelete: 'set null',
    }),
    /** 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt' */
    format: text('format').notNull(),
    status: text('status').notNull(),
    /** Who uploaded it (as in the audit log), which issuance is recorded under. */
    createdBy: text('created_by').notNull(),
    fileName: text('file_name'),
    totalRows: integer('total_rows').notNull(),
    rejectedRows: integer('rejected_rows').notNull(),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('bulk_award_jobs_organization_idx').on(table.organizationId, table.createdAt)],
);

/**
 * One row of a list; (job, row number) is the row's idempotency key and `credentialId` is fixed
 * when the row is stored, so however often a row is claimed and signed, at most one credential
 * with that id is ever stored. The status slot is reserved on the row before signing and kept
 * across retries, so it is allocated once too.
 */
export const bulkAwardRows = pgTable(
  'bulk_award_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => bulkAwardJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    /** 'rejected' | 'valid' (not started) | 'pending' | 'issued' | 'failed' */
    status: text('status').notNull(),
    /** The cells as sent (for the report). */
    input: jsonb('input').notNull(),
    /** The validated row (null when rejected). */
    accepted: jsonb('accepted'),
    reasons: jsonb('reasons'),
    credentialId: uuid('credential_id').notNull(),
    statusListId: uuid('status_list_id').references(() => statusLists.id),
    statusIndex: integer('status_index'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.rowNumber] }),
    index('bulk_award_rows_status_idx').on(table.jobId, table.status, table.rowNumber),
    index('bulk_award_rows_pending_idx')
      .on(table.status, table.lockedUntil)
      .where(sql`${table.status} = 'pending'`),
    uniqueIndex('bulk_award_rows_credential_idx').on(table.credentialId),
    uniqueIndex('bulk_award_rows_slot_idx').on(table.statusListId, table.statusIndex),
  ],
);

/* ---------- Issue 8 items 4–5: talent search consent, visibility and profile views ---------- */

/**
 * A learner's consent to be found by employers, and what they let employers see. No row, or
 * `optedIn` false, means invisible: search only ever starts from opted-in rows. The `id` is the
 * pseudonym employers see, so an account id never leaves the platform through search.
 */
export const talentProfiles = pgTable('talent_profiles', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().unique(),
  optedIn: boolean('opted_in').notNull().default(false),
  showName: boolean('show_name').notNull().default(false),
  headline: text('headline'),
  location: text('location'),
  showHeadline: boolean('show_headline').notNull().default(false),
  /** One of the account's own addresses, shown to employers only while `showEmail` is set. */
  contactEmail: text('contact_email'),
  showEmail: boolean('show_email').notNull().default(false),
  /** Issuer ids (DIDs/URLs) whose credentials the learner keeps out of search. */
  hiddenIssuers: jsonb('hidden_issuers').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Wallet entries the learner keeps out of search. */
  hiddenCredentials: jsonb('hidden_credentials')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  optedInAt: timestamp('opted_in_at', { withTimezone: true }),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which organization saw a learner: in search results or by opening the profile. */
export const talentProfileViews = pgTable(
  'talent_profile_views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** 'search' | 'profile' */
    kind: text('kind').notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('talent_profile_views_account_idx').on(table.accountId, table.viewedAt)],
);

/* ---------- Issue 7: role profiles, goals and recommendations ---------- */

/**
 * A skill profile a goal can point at: an employer's job profile (owned by an organization) or a
 * learner's own custom goal (owned by the account). Started from an ESCO occupation or from scratch.
 */
export const roleProfiles = pgTable(
  'role_profiles',
  {
    id: uuid('id').primaryKey(),
    /** Exactly one of organizationId / accountId is set (checked below). */
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    sourceOccupationId: uuid('source_occupation_id').references(() => occupations.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('role_profiles_organization_idx').on(table.organizationId),
    index('role_profiles_account_idx').on(table.accountId),
    check(
      'role_profiles_one_owner',
      sql`(${table.organizationId} is null) <> (${table.accountId} is null)`,
    ),
  ],
);

export const roleProfileSkills = pgTable(
  'role_profile_skills',
  {
    roleProfileId: uuid('role_profile_id')
      .notNull()
      .references(() => roleProfiles.id, { onDelete: 'cascade' }),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => competencies.id, { onDelete: 'cascade' }),
    /** 'required' | 'nice-to-have' */
    importance: text('importance').notNull(),
    minLevel: text('min_level'),
    position: integer('position').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.roleProfileId, table.competencyId] }),
    index('role_profile_skills_competency_idx').on(table.competencyId),
  ],
);

/** A learner's career goal: an ESCO occupation or a role profile (free text is resolved first). */
export const learnerGoals = pgTable(
  'learner_goals',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    occupationId: uuid('occupation_id').references(() => occupations.id, { onDelete: 'cascade' }),
    roleProfileId: uuid('role_profile_id').references(() => roleProfiles.id, {
      onDelete: 'cascade',
    }),
    /** What the learner typed, when the goal was chosen from free text. */
    statedText: text('stated_text'),
    createdAt: createdAt(),
  },
  (table) => [
    index('learner_goals_account_idx').on(table.accountId, table.createdAt),
    check(
      'learner_goals_one_target',
      sql`(${table.occupationId} is null) <> (${table.roleProfileId} is null)`,
    ),
  ],
);

/** Per-learner choices for goals; absent row = defaults (in-progress mastery does not count). */
export const learnerGoalSettings = pgTable('learner_goal_settings', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  countInProgressMastery: boolean('count_in_progress_mastery').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row whose `version` triggers bump on any change to what the recommendation catalog is built
 * from (achievements, offers, criteria, pathways, competency associations), so a cached catalog is
 * checked with one primary-key read instead of scanning those tables on every request.
 */
export const catalogVersion = pgTable('catalog_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * What the recommender knows about an achievement beyond its OB3 definition: structured
 * prerequisites and a price. Kept outside the signed document on purpose (never issued).
 */
export const achievementOffers = pgTable('achievement_offers', {
  achievementId: uuid('achievement_id')
    .primaryKey()
    .references(() => achievements.id, { onDelete: 'cascade' }),
  prerequisiteIds: jsonb('prerequisite_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** Decimal string (numeric), so cents never drift through floating point in storage. */
  priceAmount: numeric('price_amount', { precision: 12, scale: 2 }),
  priceCurrency: text('price_currency'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
