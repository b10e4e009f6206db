import {
  findWalletCredential,
  type WalletCredentialRow,
} from '../../db/repositories/wallet-credentials.ts';
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { type CredentialFacts, credentialFacts } from './credential-facts.ts';

export type OwnedCredential = { row: WalletCredentialRow; facts: CredentialFacts };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in person's account; wallets belong to people, so tokens are refused. */
export function holderOf(actor: Actor): string {
  if (actor.kind === 'account') return actor.accountId;
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  throw new ForbiddenError('A wallet belongs to a person: sign in to your own account.');
}

/**
 * A credential of the actor's own wallet. Anyone else's, platform admins included, is the
 * same 404 as one that does not exist: a wallet is private to its holder.
 */
export async function requireOwnedCredential(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
): Promise<OwnedCredential> {
  const accountId = holderOf(actor);
  const row = uuidPattern.test(walletCredentialId)
    ? await findWalletCredential(ctx.db, accountId, walletCredentialId)
    : undefined;
  if (!row) throw new NotFoundError('There is no credential with this id in your wallet.');
  return { row, facts: factsOf(row) };
}

export function factsOf(row: WalletCredentialRow): CredentialFacts {
  const facts = credentialFacts(row.content, row);
  if (facts) return facts;
  // An Open Badges 2.0 assertion or another shape we keep but cannot read as a VC.
  return {
    encoding: 'json',
    credential: {},
    id: undefined,
    achievementName: row.achievementName ?? 'Credential',
    achievementDescription: undefined,
    achievementType: undefined,
    criteria: undefined,
    issuerName: row.issuerName ?? 'Unknown issuer',
    issuerUrl: undefined,
    issuedOn: row.issuedOn ?? undefined,
    validUntil: row.validUntil ?? undefined,
    imageUrl: undefined,
    euElements: [],
  };
}
