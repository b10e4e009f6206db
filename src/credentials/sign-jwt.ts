/**
 * VC-JWT signing: OB 3.0 §8.2 (JWT with a `vc` claim, as the 1EdTech validator expects)
 * or VC-JOSE-COSE §3.1.1 (the credential is the JWT payload, `typ: vc+jwt`).
 */
import { sign } from 'node:crypto';
import { jwtAlgorithmOf, privateKeyObjectOf } from './key-cache.ts';
import type { SigningKey } from './keys.ts';
import type { Credential, JsonObject } from './types.ts';

/** How the credential sits in the JWT payload. */
export type JwtPayloadStyle = 'vc-claim' | 'vc-jose-cose';

/** Options of {@link signJwt}. */
export interface JwtSignOptions {
  key: SigningKey;
  /** Becomes the `kid` header; defaults to the key id. */
  verificationMethod?: string;
  now?: Date | string;
  payloadStyle?: JwtPayloadStyle;
}

function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return idOf(value[0]);
  if (typeof value === 'object' && value !== null) return idOf((value as JsonObject).id);
  return undefined;
}

/** OB 3.0 §8.2.4.2: registered claims mirror the credential's own properties. */
function vcClaimPayload(credential: Credential, now: Date): JsonObject {
  const claims: JsonObject = {
    vc: credential,
    iss: idOf(credential.issuer),
    jti: idOf(credential.id),
    sub: idOf(credential.credentialSubject),
    nbf: seconds(credential.validFrom ?? credential.issuanceDate),
    exp: seconds(credential.validUntil ?? credential.expirationDate),
    iat: Math.floor(now.getTime() / 1000),
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Signs a credential as a compact JWS (RFC 7515 §7.1); the header `kid` is the verification
 * method. Serialized by hand on a cached KeyObject: jose goes through WebCrypto, whose
 * per-call key conversion and thread hop cost several Ed25519 signatures. Ed25519 and
 * RSASSA-PKCS1-v1_5 are deterministic, so the output is what jose produces.
 */
export async function signJwt(credential: Credential, options: JwtSignOptions): Promise<string> {
  const style = options.payloadStyle ?? 'vc-claim';
  const now = options.now ? new Date(options.now) : new Date();
  const payload = style === 'vc-claim' ? vcClaimPayload(credential, now) : credential;
  const alg = jwtAlgorithmOf(options.key);
  const header = {
    alg,
    kid: options.verificationMethod ?? options.key.id,
    typ: style === 'vc-claim' ? 'JWT' : 'vc+jwt',
    ...(style === 'vc-jose-cose' ? { cty: 'vc' } : {}),
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const keyObject = privateKeyObjectOf(options.key);
  const signature = sign(alg === 'EdDSA' ? null : 'sha256', Buffer.from(signingInput), keyObject);
  return `${signingInput}.${signature.toString('base64url')}`;
}
