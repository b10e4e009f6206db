/**
 * One entry point to issue a credential in any supported securing format.
 */
import { defaultDocumentLoader } from './document-loader.ts';
import { SigningError } from './errors.ts';
import type { SigningKey } from './keys.ts';
import { signDataIntegrity } from './sign-data-integrity.ts';
import { type JwtPayloadStyle, signJwt } from './sign-jwt.ts';
import type { Credential, DocumentLoader } from './types.ts';

/** Securing formats: Data Integrity cryptosuites (VC-DI-EDDSA) or VC-JWT. */
export type SignatureFormat = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt';

/** Options of {@link signCredential}. */
export interface SignOptions {
  /** Defaults to 'eddsa-rdfc-2022', the cryptosuite OB 3.0 §8.3 names. */
  format?: SignatureFormat;
  key: SigningKey;
  /** The verification method id to reference; defaults to `key.id`. */
  verificationMethod?: string;
  /** Defaults to the offline loader with the bundled contexts. */
  documentLoader?: DocumentLoader;
  /** The signing time; pass it for reproducible output. */
  now?: Date | string;
  /** VC-JWT only: payload layout (default 'vc-claim', OB 3.0 §8.2). */
  jwtPayloadStyle?: JwtPayloadStyle;
}

/** Signs a credential as a VC-JWT; resolves to the compact JWS. */
export function signCredential(
  credential: Credential,
  options: SignOptions & { format: 'vc-jwt' },
): Promise<string>;
/** Signs a credential with a Data Integrity proof; resolves to the signed credential. */
export function signCredential(
  credential: Credential,
  options: SignOptions & { format?: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' },
): Promise<Credential>;
/** Signs a credential in the requested format. */
export function signCredential(
  credential: Credential,
  options: SignOptions,
): Promise<Credential | string>;
export async function signCredential(
  credential: Credential,
  options: SignOptions,
): Promise<Credential | string> {
  const format = options.format ?? 'eddsa-rdfc-2022';
  if (format === 'vc-jwt') {
    return signJwt(credential, {
      key: options.key,
      verificationMethod: options.verificationMethod,
      now: options.now,
      payloadStyle: options.jwtPayloadStyle,
    });
  }
  if (options.key.type !== 'Multikey') {
    throw new SigningError(`${format} needs an Ed25519 key; RSA keys can only sign VC-JWT.`);
  }
  return signDataIntegrity(credential, {
    cryptosuite: format,
    key: options.key,
    verificationMethod: options.verificationMethod,
    documentLoader: options.documentLoader ?? defaultDocumentLoader(),
    now: options.now,
  });
}
