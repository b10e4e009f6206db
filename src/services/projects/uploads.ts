import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../../domain/errors.ts';
import type { ProjectSettings } from '../../domain/projects/assessment.ts';
import { FileTooLargeError, FileTypeNotAllowedError } from '../../domain/projects/errors.ts';
import {
  isUploadableMediaType,
  looksLikePlainText,
  mediaTypeLabels,
  sanitizeFileName,
  type UploadableMediaType,
} from '../../domain/projects/files.ts';

/** A file as a client sent it: its claimed name (display only) and its bytes. */
export type UploadedFile = { name: string; bytes: Uint8Array };

export type CheckedFile = {
  fileName: string;
  mediaType: UploadableMediaType;
  bytes: Uint8Array;
};

/**
 * The media type the bytes are, by their signature (`file-type`), or plain text when they are
 * clean UTF-8. The client's content type and file extension play no part.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  return bytes.length > 0 && looksLikePlainText(bytes) ? 'text/plain' : undefined;
}

/** Checks count, size and sniffed type of each file against the assessment's settings. */
export async function checkUploads(
  files: readonly UploadedFile[],
  settings: ProjectSettings,
): Promise<CheckedFile[]> {
  if (files.length > settings.maxFiles)
    throw new ValidationError(`Attach at most ${settings.maxFiles} files.`, [
      { field: 'files', message: `must be at most ${settings.maxFiles} files` },
    ]);
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const fileName = sanitizeFileName(file.name);
    if (file.bytes.length > settings.maxFileBytes)
      throw new FileTooLargeError(
        `"${fileName}" is ${file.bytes.length} bytes; files may be at most ${settings.maxFileBytes} bytes.`,
      );
    if (file.bytes.length === 0)
      throw new ValidationError(`"${fileName}" is empty.`, [
        { field: 'files', message: 'must not be empty' },
      ]);
    const sniffed = await sniffMediaType(file.bytes);
    if (
      !sniffed ||
      !isUploadableMediaType(sniffed) ||
      !(settings.allowedTypes as readonly string[]).includes(sniffed)
    ) {
      const allowed = settings.allowedTypes.map((type) => mediaTypeLabels[type]).join(', ');
      throw new FileTypeNotAllowedError(
        `"${fileName}" is ${sniffed ? `a ${sniffed} file` : 'of an unrecognized type'}; this assessment accepts: ${allowed}.`,
      );
    }
    checked.push({ fileName, mediaType: sniffed, bytes: file.bytes });
  }
  return checked;
}
