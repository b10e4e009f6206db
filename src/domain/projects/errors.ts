import { SkillmarkError } from '../errors.ts';

/** An uploaded file larger than the assessment allows (413). */
export class FileTooLargeError extends SkillmarkError {
  constructor(message: string) {
    super('payload_too_large', message);
  }
}

/** An uploaded file whose bytes are not of a type the assessment allows (415). */
export class FileTypeNotAllowedError extends SkillmarkError {
  constructor(message: string) {
    super('unsupported_media_type', message);
  }
}
