/**
 * A learner's self-issued CLR 2.0: the chosen wallet credentials, their achievements and the
 * associations between them, in a `ClrCredential` the learner signs with their own holder key
 * (did:key; eddsa-rdfc-2022), as both issuer and subject.
 */
import { randomUUID } from 'node:crypto';
import {
  achievementOfCredential,
  buildClrCredential,
  type ClrAssociation,
  signCredential,
  UnknownDocumentError,
} from '../../credentials/index.ts';
import type { Credential, JsonObject } from '../../credentials/types.ts';
import { findAccountById } from '../../db/repositories/accounts.ts';
import {
  findWalletCredential,
  type WalletCredentialRow,
} from '../../db/repositories/wallet-credentials.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { ensureHolderKey } from '../sharing/holder-key.ts';
import { countsAsVerified, walletOwnerOf } from '../wallet/wallet.ts';
import { associationsFor } from './associations.ts';

export type LearnerClrInput = {
  walletCredentialIds: string[];
  associations?: ClrAssociation[];
  name?: string;
};

const carriedFormats = new Set(['json', 'jwt', 'png', 'svg']);

/** The entry's credential as carried in a CLR: the JSON object verbatim, or the VC-JWT string. */
function carriedCredential(row: WalletCredentialRow): JsonObject | string {
  const text = row.content.trim();
  return text.startsWith('{') ? (JSON.parse(text) as JsonObject) : text;
}

async function chosenEntries(
  ctx: ServiceContext,
  accountId: string,
  ids: string[],
): Promise<WalletCredentialRow[]> {
  const rows: WalletCredentialRow[] = [];
  const refused: string[] = [];
  for (const id of new Set(ids)) {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await findWalletCredential(ctx.db, accountId, id)
      : undefined;
    // Another learner's entry is simply not found: nothing about it is revealed.
    if (!row) throw new NotFoundError(`There is no credential ${id} in your wallet.`);
    if (!countsAsVerified(row) || !carriedFormats.has(row.receivedAs)) {
      refused.push(
        `${row.achievementName ?? id}: ${row.status === 'valid' ? 'not an Open Badges 3.0 credential' : `its last verification found it ${row.status}`}`,
      );
    }
    rows.push(row);
  }
  if (refused.length > 0)
    throw new ValidationError(
      `Only valid Open Badges 3.0 credentials go into a CLR; leave these out: ${refused.join('; ')}.`,
      refused.map((message) => ({ field: 'walletCredentialIds', message })),
    );
  return rows;
}

/** Builds and signs the learner's CLR of the chosen wallet entries (all must be 'valid'). */
export async function exportLearnerClr(
  ctx: ServiceContext,
  actor: Actor,
  input: LearnerClrInput,
): Promise<Credential> {
  const accountId = walletOwnerOf(actor);
  if (input.walletCredentialIds.length === 0)
    throw new ValidationError('Choose at least one credential for the record.', [
      { field: 'walletCredentialIds', message: 'must not be empty' },
    ]);
  const rows = await chosenEntries(ctx, accountId, input.walletCredentialIds);
  const credentials = rows.map(carriedCredential);
  const achievementIds = credentials
    .map((c) => achievementOfCredential(c)?.id)
    .filter((id): id is string => typeof id === 'string');
  const associations = await associationsFor(ctx, achievementIds, input.associations);
  const key = await ensureHolderKey(ctx, accountId);
  const account = await findAccountById(ctx.db, accountId);
  const now = ctx.now();
  const unsigned = buildClrCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: key.controller, type: ['Profile'], name: account?.displayName ?? 'Learner' },
    learner: { did: key.controller },
    credentials,
    associations,
    name: input.name ?? `Comprehensive Learner Record of ${account?.displayName ?? 'a learner'}`,
    validFrom: now,
    partial: true,
  });
  try {
    return await signCredential(unsigned, { format: 'eddsa-rdfc-2022', key, now });
  } catch (error) {
    // The offline loader knows only bundled contexts; a credential with another one cannot be
    // re-expressed under the CLR's context (its achievement is repeated in ClrSubject).
    if (
      error instanceof UnknownDocumentError ||
      String((error as { name?: string }).name).startsWith('jsonld.')
    )
      throw new ValidationError(
        `The record cannot be signed: ${(error as Error).message} Leave out the credential that uses it.`,
        [
          {
            field: 'walletCredentialIds',
            message: 'a chosen credential uses an unknown JSON-LD context',
          },
        ],
      );
    throw error;
  }
}
