/**
 * What happens to a credential once signed, the same for one credential (`issueCredential`) and
 * for a bulk award's batch (issue 9): stored verbatim, expiry reminders planned, deposited in the
 * recipient's wallet, appended to the transparency log, audited. Call it inside the transaction
 * that also took the status slots, so a credential exists with all of these or not at all.
 */
import type { SignatureFormat, StatusPurpose } from '../../credentials/index.ts';
import type { Credential, JsonObject } from '../../credentials/types.ts';
import type { Db } from '../../db/client.ts';
import { insertAuditEvents } from '../../db/repositories/audit-events.ts';
import { findRecipientAccounts } from '../../db/repositories/bulk-awards.ts';
import { insertIssuedCredentials } from '../../db/repositories/issued-credentials.ts';
import type { Actor } from '../../domain/policy.ts';
import { describeActor } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { recordCredentialEvents } from '../credential-events/record.ts';
import { scheduleExpiryRemindersOfMany } from '../renewal/reminders.ts';
import { appendLogEvents, credentialHashOf } from '../transparency/append.ts';
import { depositIssuedCredential } from '../wallet/deposit.ts';
import { type StatusSlot, statusListUrl } from './status-lists.ts';

export type IssuanceRecord = {
  id: string;
  organizationId: string;
  achievementId: string | null;
  format: SignatureFormat;
  /** The credential exactly as signed (JSON text or a VC-JWT). */
  signed: string;
  /** The credential as completed before signing (for validUntil and subject). */
  credential: Credential;
  recipientEmail: string | null;
  /** The recipient DID when given apart from the subject (else the subject's DID, if any). */
  recipientDid?: string | null;
  issuerId: string;
  slot: StatusSlot;
  statusPurpose: StatusPurpose;
  /** Extra audit detail (e.g. the bulk award job and row). */
  auditDetail?: Record<string, unknown>;
};

export function subjectDidOf(credential: JsonObject): string | undefined {
  const subject = credential.credentialSubject;
  if (
    subject &&
    typeof subject === 'object' &&
    !Array.isArray(subject) &&
    typeof subject.id === 'string' &&
    subject.id.startsWith('did:')
  ) {
    return subject.id;
  }
  return undefined;
}

/**
 * Records signed credentials; `db` is the issuing transaction. Returns the recipient emails
 * that belong to an account (whose pathways may have progressed).
 */
export async function recordIssuances(
  ctx: ServiceContext,
  db: Db,
  actor: Actor | string,
  records: readonly IssuanceRecord[],
  now: Date,
): Promise<string[]> {
  if (records.length === 0) return [];
  const rows = records.map((record) => {
    const validUntil = record.credential.validUntil;
    return {
      record,
      recipientDid: record.recipientDid ?? subjectDidOf(record.credential) ?? null,
      validUntil: typeof validUntil === 'string' ? new Date(validUntil) : null,
    };
  });
  await insertIssuedCredentials(
    db,
    rows.map(({ record, recipientDid, validUntil }) => ({
      id: record.id,
      organizationId: record.organizationId,
      achievementId: record.achievementId,
      format: record.format,
      signed: record.signed,
      recipientEmail: record.recipientEmail,
      recipientDid,
      issuedAt: now,
      validUntil,
      ...(record.statusPurpose === 'revocation'
        ? { revocationListId: record.slot.listId, revocationIndex: record.slot.index }
        : { suspensionListId: record.slot.listId, suspensionIndex: record.slot.index }),
    })),
  );
  // Lifecycle events (analytics, webhooks): one 'issued' event per credential, in this transaction.
  await recordCredentialEvents(
    db,
    rows.map(({ record }) => ({
      type: 'issued' as const,
      issuedCredentialId: record.id,
      occurredAt: now,
      detail: { format: record.format, achievementId: record.achievementId },
    })),
  );
  // Issue 6: expiry reminders are planned with the credential, so none is ever missed.
  await scheduleExpiryRemindersOfMany(
    ctx,
    db,
    rows.flatMap(({ record, validUntil }) =>
      validUntil ? [{ id: record.id, validUntil, issuedAt: now }] : [],
    ),
  );
  // Issue 5: lands at once in the wallet of an account that verified the recipient. One lookup
  // for the batch finds the few recipients with an account; only those are deposited.
  const accounts = await findRecipientAccounts(db, {
    emails: rows.flatMap(({ record }) => (record.recipientEmail ? [record.recipientEmail] : [])),
    dids: rows.flatMap(({ recipientDid }) => (recipientDid ? [recipientDid] : [])),
  });
  for (const { record, recipientDid } of rows) {
    const email = record.recipientEmail?.toLowerCase();
    if (
      !(email && accounts.verifiedEmails.has(email)) &&
      !(recipientDid && accounts.provenDids.has(recipientDid))
    )
      continue;
    await depositIssuedCredential(
      { ...ctx, db },
      {
        id: record.id,
        format: record.format,
        signed: record.signed,
        recipientEmail: record.recipientEmail,
        recipientDid,
      },
    );
  }
  // Issue 10: the issuance is logged in the same transaction, so it is logged iff it happened.
  await appendLogEvents(
    db,
    records.map((record) => ({
      type: 'credential.issued' as const,
      issuer: record.issuerId,
      credential: credentialHashOf(record.signed),
      status: {
        list: statusListUrl(ctx.publicUrl, record.slot.listId),
        index: record.slot.index,
        purpose: record.statusPurpose,
      },
      time: now.toISOString(),
    })),
    now,
  );
  const who = typeof actor === 'string' ? actor : describeActor(actor);
  await insertAuditEvents(
    db,
    records.map((record) => ({
      actor: who,
      action: 'credential.issued',
      organizationId: record.organizationId,
      target: record.id,
      detail: { format: record.format, ...record.auditDetail },
    })),
  );
  return [...accounts.accountEmails];
}
