/**
 * Credentials issued here reach the learner's wallet without an import: at issuance when the
 * recipient's email is a verified address (or the subject DID a proven DID) of an account, and
 * later by claiming, when an address or DID is verified after the credential was issued.
 */
import { findAccountDid } from '../../db/repositories/account-dids.ts';
import { findVerifiedEmailOwner } from '../../db/repositories/email-verifications.ts';
import type { IssuedCredentialRow } from '../../db/repositories/issued-credentials.ts';
import {
  listIssuedToRecipients,
  walletIssuedCredentialIds,
} from '../../db/repositories/wallet-credentials.ts';
import { normalizeEmail } from '../../domain/accounts.ts';
import type { ServiceContext } from '../context.ts';
import { createVerifier } from '../credentials/verify-credential.ts';
import { addToWallet } from './add-to-wallet.ts';

type Deposit = Pick<IssuedCredentialRow, 'id' | 'format' | 'signed'> & {
  recipientEmail: string | null;
  recipientDid: string | null;
};

function receivedAsOf(format: string) {
  return format === 'vc-jwt' ? ('jwt' as const) : ('json' as const);
}

/**
 * Puts a just-issued credential in the wallet of the account that verified its recipient email
 * or DID, if any. Call it with a `ctx` whose `db` is the issuing transaction: the verifier then
 * reads the new status slot and keys through that transaction too. Returns the account ids.
 */
export async function depositIssuedCredential(
  ctx: ServiceContext,
  issued: Deposit,
): Promise<string[]> {
  const owners = new Set<string>();
  if (issued.recipientEmail) {
    const owner = await findVerifiedEmailOwner(ctx.db, normalizeEmail(issued.recipientEmail));
    if (owner) owners.add(owner);
  }
  if (issued.recipientDid) {
    const row = await findAccountDid(ctx.db, issued.recipientDid);
    if (row) owners.add(row.accountId);
  }
  if (owners.size === 0) return [];
  const { verifyCredential } = createVerifier(ctx);
  for (const accountId of owners) {
    await addToWallet(ctx, verifyCredential, accountId, {
      content: issued.signed,
      receivedAs: receivedAsOf(issued.format),
      source: 'issued',
      issuedCredentialId: issued.id,
    });
  }
  return [...owners];
}

/**
 * Claims every credential issued here to these (just verified) addresses or DIDs that is not yet
 * in the account's wallet. Returns how many were added.
 */
export async function claimIssuedCredentials(
  ctx: ServiceContext,
  accountId: string,
  recipients: { emails?: string[]; dids?: string[] },
): Promise<number> {
  const issued = await listIssuedToRecipients(ctx.db, {
    emails: recipients.emails?.map(normalizeEmail),
    dids: recipients.dids,
  });
  if (issued.length === 0) return 0;
  const held = await walletIssuedCredentialIds(ctx.db, accountId);
  const { verifyCredential } = createVerifier(ctx);
  let added = 0;
  for (const row of issued) {
    if (held.has(row.id)) continue;
    await addToWallet(ctx, verifyCredential, accountId, {
      content: row.signed,
      receivedAs: receivedAsOf(row.format),
      source: 'issued',
      issuedCredentialId: row.id,
    });
    added += 1;
  }
  return added;
}
