import { findSubmissionFile } from '../../db/repositories/submissions.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { servedContentType } from '../../domain/projects/files.ts';
import type { ServiceContext } from '../context.ts';
import type { FileStorage } from '../storage/storage.ts';
import { accessSubmission } from './access.ts';

export type FileDownload = { fileName: string; contentType: string; bytes: Uint8Array };

/** A submitted file, for the same people who may read its submission (else 404). */
export async function readSubmissionFile(
  ctx: ServiceContext,
  storage: FileStorage,
  actor: Actor,
  submissionId: string,
  fileId: string,
): Promise<FileDownload> {
  const { submission } = await accessSubmission(ctx, actor, submissionId);
  const file = /^[0-9a-f-]{36}$/.test(fileId)
    ? await findSubmissionFile(ctx.db, submission.id, fileId)
    : undefined;
  const bytes = file ? await storage.get(file.storageKey) : undefined;
  if (!file || !bytes) throw new NotFoundError('There is no such file in this submission.');
  return { fileName: file.fileName, contentType: servedContentType(file.mediaType), bytes };
}
