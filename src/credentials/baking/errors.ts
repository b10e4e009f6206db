import { CredentialsError } from '../errors.ts';

/** Why a baked image was refused; stable, for callers that branch on it. */
export type BakedImageProblem =
  | 'not_png'
  | 'not_svg'
  | 'too_large'
  | 'truncated'
  | 'bad_crc'
  | 'bad_header'
  | 'dimensions_too_large'
  | 'no_credential'
  | 'several_credentials'
  | 'compressed_credential'
  | 'bad_text'
  | 'doctype_not_allowed'
  | 'unsafe_svg'
  | 'bad_credential';

/**
 * A badge image could not be read or baked: malformed, crafted (huge, truncated, several
 * credentials, entity declarations) or without a credential. The message says which, plainly.
 */
export class BakedImageError extends CredentialsError {
  readonly problem: BakedImageProblem;

  constructor(problem: BakedImageProblem, message: string, options?: ErrorOptions) {
    super('baked_image_invalid', message, options);
    this.problem = problem;
  }
}

/** Refuses what is neither a JSON object nor a compact JWS (OB 3.0 §5.3 bakes only those two). */
export function assertBakeableCredential(credential: string): string {
  const text = credential.trim();
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) return text;
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return text;
    } catch {
      // fall through to the refusal below
    }
  }
  throw new BakedImageError(
    'bad_credential',
    'Only a credential as a JSON object or as a compact JWT can be baked into a badge image.',
  );
}
