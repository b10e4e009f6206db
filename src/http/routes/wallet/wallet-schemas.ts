import { z } from '@hono/zod-openapi';
import { NotAuthenticatedError } from '../../../domain/errors.ts';
import type { Actor } from '../../../domain/policy.ts';
import { walletStatuses } from '../../../services/wallet/wallet.ts';

/** The wallet is a person's: only a signed-in account (session or cookie) reaches it. */
export function requireAccount(actor: Actor, action = 'see your wallet') {
  if (actor.kind !== 'account') throw new NotAuthenticatedError(`Sign in to ${action}.`);
  return actor;
}

export const checkSchema = z.object({
  check: z.string(),
  outcome: z.enum(['passed', 'failed', 'warning', 'skipped']),
  message: z.string(),
  detail: z.string().optional(),
});

export const walletCredentialSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(['issued', 'imported']),
    receivedAs: z.enum(['json', 'jwt', 'png', 'svg', 'clr', 'ob2']),
    issuerId: z.string().nullable(),
    issuerName: z.string().nullable(),
    achievementName: z.string().nullable(),
    skills: z.array(z.object({ name: z.string(), url: z.string().optional() })),
    issuedOn: z.iso.datetime().nullable(),
    validUntil: z.iso.datetime().nullable(),
    status: z.enum(walletStatuses),
    verification: z.array(checkSchema),
    inPortfolio: z.boolean(),
    addedAt: z.iso.datetime(),
  })
  .openapi('WalletCredential');

export const walletIdParams = z.object({
  id: z.uuid({ message: 'must be a wallet credential id (UUID)' }),
});

export const emailViewSchema = z
  .object({ email: z.string(), primary: z.boolean(), verified: z.boolean() })
  .openapi('AccountEmail');

export const didViewSchema = z
  .object({ did: z.string(), verifiedAt: z.iso.datetime() })
  .openapi('AccountDid');
