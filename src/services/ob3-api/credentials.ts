import type { VerificationResult } from '../../credentials/index.ts';
import { pageOb3WalletCredentials } from '../../db/repositories/oauth-wallet.ts';
import { findWalletCredentialByHash } from '../../db/repositories/wallet-credentials.ts';
import { ValidationError } from '../../domain/errors.ts';
import { ob3Scopes } from '../../domain/oauth/scopes.ts';
import type { ServiceContext } from '../context.ts';
import { type OAuthPrincipal, requireScope } from '../oauth/bearer.ts';
import { contentHashOf } from '../wallet/add-to-wallet.ts';
import { importCredential } from '../wallet/import-credential.ts';

/** OB 3.0 §"getCredentials": JSON credentials in `credential`, VC-JWTs in `compactJwsString`. */
export type GetOpenBadgeCredentialsResponse = {
  credential: unknown[];
  compactJwsString: string[];
};

export const MAX_PAGE_SIZE = 100;

export type CredentialsPage = {
  body: GetOpenBadgeCredentialsResponse;
  total: number;
  limit: number;
  offset: number;
};

const COMPACT_JWS = /^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$/;

/**
 * The learner's wallet as the OB 3.0 API serves it: every OB 3.0 credential the learner holds,
 * newest first, in its stored form, so signatures still verify at the receiving end. The
 * receiver verifies for itself, so the wallet's own status is not a filter (this is the
 * learner's data leaving with them, as in the account export).
 */
export async function getCredentials(
  ctx: ServiceContext,
  principal: OAuthPrincipal,
  page: { limit: number; offset: number; since?: Date },
): Promise<CredentialsPage> {
  requireScope(principal, ob3Scopes.credentialRead);
  const { total, rows } = await pageOb3WalletCredentials(ctx.db, principal.accountId, page);
  const body: GetOpenBadgeCredentialsResponse = { credential: [], compactJwsString: [] };
  for (const { content } of rows) {
    const text = content.trim();
    if (COMPACT_JWS.test(text)) body.compactJwsString.push(text);
    else body.credential.push(JSON.parse(text));
  }
  return { body, total, limit: page.limit, offset: page.offset };
}

export type UpsertInput = { json: string } | { compactJws: string };

/**
 * OB 3.0 §"upsertCredential": puts a credential into the learner's wallet through the wallet's
 * import (so it is verified like any import) and says whether it was already there. The same
 * content is the same credential: the wallet keeps each content once per learner.
 */
export async function upsertCredential(
  ctx: ServiceContext,
  verify: (input: unknown) => Promise<VerificationResult>,
  principal: OAuthPrincipal,
  input: UpsertInput,
): Promise<{ created: boolean }> {
  requireScope(principal, ob3Scopes.credentialUpsert);
  const text = 'json' in input ? input.json.trim() : input.compactJws.trim();
  assertAchievementCredential('json' in input ? parseJson(text) : jwtPayloadOf(text));
  const existing = await findWalletCredentialByHash(
    ctx.db,
    principal.accountId,
    contentHashOf(text),
  );
  if (existing) return { created: false };
  await importCredential(ctx, verify, principal.accountId, { text });
  return { created: true };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`The body is not valid JSON (${(error as Error).message}).`);
  }
}

/** VC-JWT carries the credential in `vc` (VC 1.1 style) or as the payload itself. */
function jwtPayloadOf(text: string): unknown {
  const refusal = new ValidationError(
    'A text/plain body must be one credential as a compact JWS.',
    [{ field: '(body)', message: 'is not a compact JWS (header.payload.signature)' }],
  );
  if (!COMPACT_JWS.test(text)) throw refusal;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text.split('.')[1]!, 'base64url').toString('utf8'));
  } catch {
    throw refusal;
  }
  const vc = (payload as { vc?: unknown } | null)?.vc;
  return typeof vc === 'object' && vc !== null ? vc : payload;
}

/**
 * OB 3.0 §B.1.2: an AchievementCredential says so in its type (or the older alias). Checked
 * before the import, so a CLR or an OB 2.0 assertion is refused without being stored.
 */
function assertAchievementCredential(document: unknown): void {
  const type = (document as { type?: unknown } | null)?.type;
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes('AchievementCredential') && !types.includes('OpenBadgeCredential'))
    throw new ValidationError(
      'The body must be an OB 3.0 AchievementCredential (its type lists "AchievementCredential").',
      [{ field: 'type', message: 'must include "AchievementCredential"' }],
    );
}
