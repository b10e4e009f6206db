/**
 * An organization's official CLR 2.0 transcript for one learner: credentials that organization
 * issued to them, issued through `issueCredential` (status, transparency log, audit) like any
 * credential of ours.
 */
import { randomBytes } from 'node:crypto';
import {
  achievementOfCredential,
  buildClrCredential,
  type ClrAssociation,
} from '../../credentials/index.ts';
import type { JsonObject } from '../../credentials/types.ts';
import { findAccountById, listAccountEmails } from '../../db/repositories/accounts.ts';
import {
  findIssuedCredential,
  type IssuedCredentialRow,
} from '../../db/repositories/issued-credentials.ts';
import { normalizeEmail } from '../../domain/accounts.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import {
  type IssuedCredential,
  issueCredential,
  issuerProfileOf,
} from '../credentials/issue-credential.ts';
import { getOrganization } from '../organizations.ts';
import { associationsFor } from './associations.ts';

export type TranscriptInput = {
  learner: { accountId: string } | { email: string };
  credentialIds: string[];
  associations?: ClrAssociation[];
  name?: string;
};

async function learnerEmails(ctx: ServiceContext, learner: TranscriptInput['learner']) {
  if ('email' in learner) return [normalizeEmail(learner.email)];
  const account = await findAccountById(ctx.db, learner.accountId);
  if (!account) throw new NotFoundError('There is no learner account with this id.');
  return (await listAccountEmails(ctx.db, account.id)).map((e) => e.email);
}

function usable(row: IssuedCredentialRow | undefined, organizationId: string, emails: string[]) {
  if (!row || row.organizationId !== organizationId) return 'was not issued by this organization';
  if (!row.recipientEmail || !emails.includes(row.recipientEmail))
    return 'was not issued to this learner';
  if (row.revokedAt) return 'is revoked';
  if (row.suspendedAt) return 'is suspended';
  return undefined;
}

/** Issues the organization's CLR transcript of the given credentials for one learner. */
export async function issueTranscript(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: TranscriptInput,
): Promise<IssuedCredential> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'credential:issue', organizationId: organization.id },
    `Only owners and issuers of ${organization.name} issue its transcripts.`,
  );
  const emails = await learnerEmails(ctx, input.learner);
  const rows: IssuedCredentialRow[] = [];
  const problems: string[] = [];
  for (const id of new Set(input.credentialIds)) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findIssuedCredential(ctx.db, id) : undefined;
    const problem = usable(row, organization.id, emails);
    if (problem) problems.push(`${id} ${problem}`);
    else rows.push(row!);
  }
  if (problems.length > 0 || rows.length === 0)
    throw new ValidationError(
      `A transcript lists valid credentials this organization issued to the learner: ${problems.join('; ') || 'none given'}.`,
      (problems.length ? problems : ['must not be empty']).map((message) => ({
        field: 'credentialIds',
        message,
      })),
    );
  const credentials = rows.map((row) =>
    row.format === 'vc-jwt' ? row.signed : (JSON.parse(row.signed) as JsonObject),
  );
  const achievementIds = credentials
    .map((c) => achievementOfCredential(c)?.id)
    .filter((id): id is string => typeof id === 'string');
  const associations = await associationsFor(ctx, achievementIds, input.associations);
  const email = rows[0]!.recipientEmail!;
  const unsigned = buildClrCredential({
    issuer: await issuerProfileOf(ctx, organization),
    learner: { email, salt: randomBytes(16).toString('hex') },
    credentials,
    associations,
    name: input.name ?? `Transcript from ${organization.name}`,
  });
  return issueCredential(ctx, actor, unsigned, { recipient: { email } });
}
