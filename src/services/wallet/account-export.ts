/**
 * Everything the platform holds about a learner, as one zip they can take elsewhere (GDPR
 * Art. 20): the profile, addresses, DIDs and memberships, every wallet credential verbatim, their
 * submissions and quiz attempts, and the notifications sent to them.
 */
import yazl from 'yazl';
import {
  listFilesOfSubmissions,
  listQuizAttemptsOfLearner,
  listSubmissionsOfLearner,
} from '../../db/repositories/account-data.ts';
import { listAccountDids } from '../../db/repositories/account-dids.ts';
import { findAccountById, listAccountEmails } from '../../db/repositories/accounts.ts';
import { listNotifications } from '../../db/repositories/notifications.ts';
import { listMembershipsOfAccount } from '../../db/repositories/organizations.ts';
import { listAllWalletCredentials } from '../../db/repositories/wallet-credentials.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import type { FileStorage } from '../storage/storage.ts';
import { presentWalletCredential } from './add-to-wallet.ts';
import { walletOwnerOf } from './wallet.ts';

export type AccountExport = { fileName: string; zip: Buffer };

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** `.json` for JSON text, `.jwt` for a compact JWT: the file holds the credential verbatim. */
export function credentialFileName(id: string, content: string): string {
  return `credentials/${id}${content.trimStart().startsWith('{') ? '.json' : '.jwt'}`;
}

function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return cleaned.slice(0, 100) || 'file';
}

/** Builds the export zip of the signed-in account. `storage` adds the uploaded files themselves. */
export async function exportAccount(
  ctx: ServiceContext,
  actor: Actor,
  storage?: FileStorage,
): Promise<AccountExport> {
  const accountId = walletOwnerOf(actor);
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new NotFoundError('No such account.');
  const [emails, dids, memberships, wallet, submissions, attempts, notifications] =
    await Promise.all([
      listAccountEmails(ctx.db, accountId),
      listAccountDids(ctx.db, accountId),
      listMembershipsOfAccount(ctx.db, accountId),
      listAllWalletCredentials(ctx.db, accountId),
      listSubmissionsOfLearner(ctx.db, accountId),
      listQuizAttemptsOfLearner(ctx.db, accountId),
      listNotifications(ctx.db, { accountId, limit: 100_000 }),
    ]);
  const files = await listFilesOfSubmissions(
    ctx.db,
    submissions.map((s) => s.id),
  );

  const zip = new yazl.ZipFile();
  const exportedAt = ctx.now();
  const mtime = exportedAt;
  const add = (name: string, bytes: Buffer | Uint8Array) =>
    zip.addBuffer(Buffer.from(bytes), name, { mtime });

  add(
    'account.json',
    json({
      exportedAt: exportedAt.toISOString(),
      profile: {
        id: account.id,
        displayName: account.displayName,
        isAdmin: account.isAdmin,
        createdAt: account.createdAt.toISOString(),
      },
      emails: emails.map((e) => ({
        email: e.email,
        primary: e.isPrimary,
        verifiedAt: e.verifiedAt?.toISOString() ?? null,
      })),
      dids: dids.map((d) => ({ did: d.did, verifiedAt: d.verifiedAt.toISOString() })),
      memberships: memberships.map(({ slug, name, role }) => ({ organization: slug, name, role })),
    }),
  );
  add(
    'credentials/index.json',
    json(
      wallet.map((row) => ({
        file: credentialFileName(row.id, row.content),
        ...presentWalletCredential(row),
      })),
    ),
  );
  for (const row of wallet) add(credentialFileName(row.id, row.content), Buffer.from(row.content));
  add(
    'submissions.json',
    json(
      submissions.map((s) => ({
        ...s,
        files: files
          .filter((f) => f.submissionId === s.id)
          .map((f) => ({
            name: f.fileName,
            mediaType: f.mediaType,
            size: f.size,
            path: `submissions/${f.id}-${safeFileName(f.fileName)}`,
          })),
      })),
    ),
  );
  if (storage) {
    for (const file of files) {
      const bytes = await storage.get(file.storageKey);
      if (bytes) add(`submissions/${file.id}-${safeFileName(file.fileName)}`, bytes);
    }
  }
  add('quiz-attempts.json', json(attempts));
  add(
    'notifications.json',
    json(
      notifications.map((n) => ({
        id: n.id,
        email: n.email,
        kind: n.kind,
        subject: n.subject,
        body: n.body,
        // A verification link is a capability; it has no place in a file that gets copied around.
        link: n.kind === 'email.verify' ? null : n.link,
        createdAt: n.createdAt.toISOString(),
        sentAt: n.sentAt?.toISOString() ?? null,
      })),
    ),
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return {
    fileName: `skillmark-export-${exportedAt.toISOString().slice(0, 10)}.zip`,
    zip: Buffer.concat(chunks),
  };
}
