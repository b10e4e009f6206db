/**
 * Step 2 of a bulk-award batch (see `run.ts`): the credential of one claimed row, built the way a
 * single award builds it (`unsignedAward`, `completeCredential`) with the row's fixed id and
 * status slot, then signed. No database access here: what it needs is loaded into the
 * {@link JobContext} when the batch is claimed, so signing can overlap storing.
 */
import type { Credential, JsonObject } from '../../credentials/types.ts';
import { findAchievement } from '../../db/repositories/achievements.ts';
import { type BulkAwardRowRow, findBulkAwardJob } from '../../db/repositories/bulk-awards.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import type { BulkAwardRow } from '../../domain/bulk-awards/rows.ts';
import { achievementDocument, unsignedAward } from '../achievements.ts';
import type { ServiceContext } from '../context.ts';
import { completeCredential, issuerProfileOf } from '../credentials/issue-credential.ts';
import type { IssuanceRecord } from '../credentials/record-issuance.ts';
import { statusEntry } from '../credentials/status-lists.ts';
import type { Signer } from './signer.ts';

export type JobContext = {
  jobId: string;
  organizationId: string;
  createdBy: string;
  format: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt';
  defaultAchievementId: string | null;
  owner: { organizationId: string; slug: string };
  profile: JsonObject;
  achievements: Map<
    string,
    { row: NonNullable<Awaited<ReturnType<typeof findAchievement>>>; document: JsonObject }
  >;
};

export type Signed =
  | { row: BulkAwardRowRow; record: IssuanceRecord }
  | { row: BulkAwardRowRow; error: string };

export async function loadJobContext(
  ctx: ServiceContext,
  jobId: string,
): Promise<JobContext | undefined> {
  const job = await findBulkAwardJob(ctx.db, jobId);
  if (!job) return undefined;
  const organization = await findOrganizationById(ctx.db, job.organizationId);
  return {
    jobId,
    organizationId: job.organizationId,
    createdBy: job.createdBy,
    format: job.format as JobContext['format'],
    defaultAchievementId: job.achievementId,
    owner: { organizationId: organization!.id, slug: organization!.slug },
    profile: await issuerProfileOf(ctx, organization!),
    achievements: new Map(),
  };
}

/** The achievement and its OB3 document, loaded once per batch. */
export async function achievementOf(ctx: ServiceContext, job: JobContext, id: string) {
  let entry = job.achievements.get(id);
  if (!entry) {
    const row = await findAchievement(ctx.db, id);
    if (!row) return undefined;
    entry = { row, document: await achievementDocument(ctx, row) };
    job.achievements.set(id, entry);
  }
  return entry;
}

export async function signRow(
  ctx: ServiceContext,
  job: JobContext,
  row: BulkAwardRowRow,
  key: Parameters<Signer>[1]['key'],
  sign: Signer,
  now: Date,
): Promise<Signed> {
  try {
    const accepted = row.accepted as BulkAwardRow;
    const achievementId = accepted.achievementId ?? job.defaultAchievementId;
    const achievement = achievementId ? job.achievements.get(achievementId) : undefined;
    if (!achievement) return { row, error: 'The achievement no longer exists.' };
    if (achievement.row.archivedAt)
      return { row, error: 'The achievement was archived; it can no longer be awarded.' };
    const slot = { listId: row.statusListId!, index: row.statusIndex! };
    const unsigned = unsignedAward(ctx, {
      credentialId: row.credentialId,
      issuer: job.profile,
      achievement: achievement.row,
      achievementDocument: achievement.document,
      validFrom: accepted.issueDate ? new Date(accepted.issueDate) : now,
      input: {
        recipient: accepted.recipient,
        narrative: accepted.narrative,
        evidence: accepted.evidenceUrl ? [{ id: accepted.evidenceUrl }] : undefined,
        results: accepted.result ? [{ value: accepted.result }] : undefined,
      },
    });
    const credential = completeCredential(unsigned, {
      id: unsigned.id as string,
      profile: job.profile,
      validFrom: now,
      status: statusEntry(ctx.publicUrl, slot, 'revocation'),
    });
    const result = await sign(credential, { format: job.format, key, now });
    return {
      row,
      record: {
        id: row.credentialId,
        organizationId: job.organizationId,
        achievementId: achievement.row.id,
        format: job.format,
        signed: typeof result === 'string' ? result : JSON.stringify(result),
        credential: credential as Credential,
        recipientEmail: 'email' in accepted.recipient ? accepted.recipient.email : null,
        issuerId: String(job.profile.id),
        slot,
        statusPurpose: 'revocation',
        auditDetail: { bulkAward: job.jobId, row: row.rowNumber },
      },
    };
  } catch (error) {
    return { row, error: `Signing failed: ${(error as Error).message}`.slice(0, 500) };
  }
}
