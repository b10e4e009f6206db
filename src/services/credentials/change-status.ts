import { updateIssuedCredentialStatus } from '../../db/repositories/issued-credentials.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { type Actor, can } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recordCredentialEvent } from '../credential-events/record.ts';
import { appendLogEvent, credentialHashOf, issuerIdOfSigned } from '../transparency/append.ts';
import { requireIssuedCredential } from './issue-credential.ts';
import { setStatusBit, statusListUrl } from './status-lists.ts';

export type StatusChange = 'revoke' | 'suspend' | 'unsuspend';

const loggedEventOf = {
  revoke: 'credential.revoked',
  suspend: 'credential.suspended',
  unsuspend: 'credential.reinstated',
} as const;

const statusEventOf = { revoke: 'revoked', suspend: 'suspended', unsuspend: 'reinstated' } as const;

/**
 * Revokes (for good), suspends or reinstates a credential by flipping its bit in the
 * organization's status list; the reason goes to the audit log, never into the public list.
 */
export async function changeCredentialStatus(
  ctx: ServiceContext,
  actor: Actor,
  credentialId: string,
  change: StatusChange,
  reason: string,
): Promise<{ revoked: boolean; suspended: boolean }> {
  const row = await requireIssuedCredential(ctx, credentialId);
  // Someone who may not revoke for this organization learns nothing about its credentials.
  if (!can(actor, { action: 'credential:revoke', organizationId: row.organizationId })) {
    if (actor.kind === 'anonymous' || !(await findOrganizationById(ctx.db, row.organizationId)))
      throw new NotFoundError('No credential with this id was issued here.');
    throw new NotFoundError(
      'No credential with this id was issued by an organization you can revoke for.',
    );
  }
  if (row.revokedAt)
    throw new ConflictError('This credential is already revoked; revocation is permanent.');
  const now = ctx.now();
  const revocationSlot =
    row.revocationListId !== null
      ? { listId: row.revocationListId, index: row.revocationIndex! }
      : undefined;
  const suspensionSlot =
    row.suspensionListId !== null
      ? { listId: row.suspensionListId, index: row.suspensionIndex! }
      : undefined;
  if (change !== 'revoke' && !suspensionSlot) {
    throw new ConflictError(
      'This credential was issued revocable, not suspendable (OB 3.0 allows one status entry per credential). Revoke it instead.',
    );
  }
  if (change === 'unsuspend' && !row.suspendedAt)
    throw new ConflictError('This credential is not suspended.');
  if (change === 'suspend' && row.suspendedAt)
    throw new ConflictError('This credential is already suspended.');
  const changedSlot = change === 'revoke' ? (revocationSlot ?? suspensionSlot)! : suspensionSlot!;
  await ctx.db.transaction(async (tx) => {
    if (change === 'revoke') {
      // A suspendable credential is revoked by suspending it for good; our records say revoked.
      await setStatusBit(tx, changedSlot, true, now);
      await updateIssuedCredentialStatus(tx, row.id, { revokedAt: now });
    } else {
      await setStatusBit(tx, suspensionSlot!, change === 'suspend', now);
      await updateIssuedCredentialStatus(tx, row.id, {
        suspendedAt: change === 'suspend' ? now : null,
      });
    }
    // Issue 10: every bit flip has its leaf in the log, appended in this same transaction.
    await appendLogEvent(
      tx,
      {
        type: loggedEventOf[change],
        issuer: issuerIdOfSigned(row.format, row.signed),
        credential: credentialHashOf(row.signed),
        status: {
          list: statusListUrl(ctx.publicUrl, changedSlot.listId),
          index: changedSlot.index,
          purpose: changedSlot === revocationSlot ? 'revocation' : 'suspension',
        },
        time: now.toISOString(),
      },
      now,
    );
    await recordCredentialEvent(tx, {
      type: statusEventOf[change],
      issuedCredentialId: row.id,
      occurredAt: now,
    });
    await recordAudit(
      tx,
      actor,
      `credential.${change === 'unsuspend' ? 'reinstated' : `${change}d`}`,
      {
        organizationId: row.organizationId,
        target: row.id,
        detail: { reason },
      },
    );
  });
  return { revoked: change === 'revoke', suspended: change === 'suspend' };
}
