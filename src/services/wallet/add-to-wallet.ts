import { createHash, randomUUID } from 'node:crypto';
import type {
  CheckResult,
  Credential,
  JsonObject,
  VerificationResult,
} from '../../credentials/index.ts';
import { isObject } from '../../credentials/json-helpers.ts';
import {
  insertWalletCredential,
  type WalletCredentialRow,
} from '../../db/repositories/wallet-credentials.ts';
import type { ServiceContext } from '../context.ts';
import { recordCredentialEvent } from '../credential-events/record.ts';

/** How a credential arrived in the wallet. */
export type ReceivedAs = 'json' | 'jwt' | 'png' | 'svg' | 'clr' | 'ob2';

/** What the wallet says about a credential, in the words shown to the learner. */
export type WalletStatus =
  | 'valid'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'not-yet-valid'
  | 'invalid';

export type WalletSkill = { name: string; url?: string };

/** A wallet entry as the API and pages present it (never the raw content). */
export type WalletCredentialView = {
  id: string;
  source: 'issued' | 'imported';
  receivedAs: ReceivedAs;
  issuerId: string | null;
  issuerName: string | null;
  achievementName: string | null;
  skills: WalletSkill[];
  /** ISO 8601: the credential's validFrom (or OB 2.0 issuedOn as the importer mapped it). */
  issuedOn: string | null;
  validUntil: string | null;
  status: WalletStatus;
  /** The checks of the last verification, in order. */
  verification: CheckResult[];
  inPortfolio: boolean;
  addedAt: string;
};

export type AddToWalletInput = {
  content: string;
  receivedAs: ReceivedAs;
  source: 'issued' | 'imported';
  issuedCredentialId?: string;
};

/**
 * Puts a credential in an account's wallet. The content is verified here, never trusted: a
 * tampered, revoked or expired credential is kept (the learner may want to see why) but with
 * that status, never 'valid'. An unknown issuer is only a warning. Storing is idempotent: the
 * same content in the same account returns the existing entry.
 *
 * `verify` is the verifier for the content's format (OB 3.0 JSON or JWT: `ctx.verifyCredential`;
 * importers pass their own for OB 2.0 or CLR). Pass a `ctx` whose `db` is a transaction to
 * deposit within it.
 */
export async function addToWallet(
  ctx: ServiceContext,
  verify: (input: unknown) => Promise<VerificationResult>,
  accountId: string,
  input: AddToWalletInput,
): Promise<WalletCredentialView> {
  const result = await verify(input.content);
  const facts = extractFacts(result.credential);
  const now = ctx.now();
  const { row, created } = await insertWalletCredential(ctx.db, {
    id: randomUUID(),
    accountId,
    source: input.source,
    issuedCredentialId: input.issuedCredentialId ?? null,
    receivedAs: input.receivedAs,
    content: input.content,
    contentHash: contentHashOf(input.content),
    issuerId: facts.issuerId,
    issuerName: facts.issuerName,
    achievementName: facts.achievementName,
    skills: facts.skills,
    issuedOn: facts.issuedOn,
    validUntil: facts.validUntil,
    status: walletStatusOf(result),
    verification: result.checks,
    verifiedAt: now,
    addedAt: now,
  });
  if (created && row.issuedCredentialId) {
    await recordCredentialEvent(ctx.db, {
      type: 'claimed',
      issuedCredentialId: row.issuedCredentialId,
      occurredAt: now,
      accountId,
    });
  }
  return presentWalletCredential(row);
}

/** SHA-256 of the content as received: the same credential is kept once per learner. */
export function contentHashOf(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/**
 * The one status word for a verification result. A broken proof, key or format makes it
 * 'invalid' whatever else is true; then revocation beats suspension beats dates.
 */
export function walletStatusOf(result: VerificationResult): WalletStatus {
  const failed = (name: string) =>
    result.checks.find((c) => c.check === name && c.outcome === 'failed');
  if (result.checks.length === 0) return 'invalid';
  for (const name of ['format', 'proof', 'issuer-key', 'schema'])
    if (failed(name)) return 'invalid';
  const status = failed('status');
  if (status) {
    if (/revoked/i.test(status.message)) return 'revoked';
    if (/suspended/i.test(status.message)) return 'suspended';
    return 'invalid';
  }
  const validity = failed('validity');
  if (validity) {
    if (/not valid yet/i.test(validity.message)) return 'not-yet-valid';
    if (/expired/i.test(validity.message)) return 'expired';
    return 'invalid';
  }
  // Any other failed check (an importer's own, say) still means the credential is not valid.
  if (!result.verified || result.checks.some((c) => c.outcome === 'failed')) return 'invalid';
  return 'valid';
}

/** Shapes a stored row for the API and the pages. */
export function presentWalletCredential(row: WalletCredentialRow): WalletCredentialView {
  return {
    id: row.id,
    source: row.source as WalletCredentialView['source'],
    receivedAs: row.receivedAs as ReceivedAs,
    issuerId: row.issuerId,
    issuerName: row.issuerName,
    achievementName: row.achievementName,
    skills: row.skills,
    issuedOn: row.issuedOn?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    status: row.status as WalletStatus,
    verification: row.verification as CheckResult[],
    inPortfolio: row.inPortfolio,
    addedAt: row.addedAt.toISOString(),
  };
}

type Facts = {
  issuerId: string | null;
  issuerName: string | null;
  achievementName: string | null;
  skills: WalletSkill[];
  issuedOn: Date | null;
  validUntil: Date | null;
};

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 500);
  // A JSON-LD language map or value object: take the first string.
  if (isObject(value)) {
    const inner = value['@value'] ?? Object.values(value).find((v) => typeof v === 'string');
    return typeof inner === 'string' ? text(inner) : null;
  }
  return null;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** What the wallet lists and filters by, read from the credential as the verifier read it. */
export function extractFacts(credential: Credential | JsonObject | undefined): Facts {
  if (!isObject(credential))
    return {
      issuerId: null,
      issuerName: null,
      achievementName: null,
      skills: [],
      issuedOn: null,
      validUntil: null,
    };
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) ? text(issuer.id) : null;
  const issuerName = isObject(issuer) ? text(issuer.name) : null;
  const subject = first(credential.credentialSubject);
  const achievement = isObject(subject) ? first(subject.achievement) : undefined;
  const alignments = isObject(achievement) ? achievement.alignment : undefined;
  const skills: WalletSkill[] = [];
  for (const alignment of Array.isArray(alignments) ? alignments : [alignments]) {
    if (!isObject(alignment)) continue;
    const name = text(alignment.targetName);
    if (!name) continue;
    const url = text(alignment.targetUrl);
    skills.push(url ? { name, url } : { name });
  }
  return {
    issuerId,
    issuerName,
    achievementName: isObject(achievement) ? text(achievement.name) : text(credential.name),
    skills,
    issuedOn:
      date(credential.validFrom) ?? date(credential.issuanceDate) ?? date(credential.awardedDate),
    validUntil: date(credential.validUntil) ?? date(credential.expirationDate),
  };
}
