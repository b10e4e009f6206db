/**
 * Public API of the credential engine (Open Badges 3.0 / VC 2.0): keys and DIDs,
 * Open Badges documents, signing, verification, status lists and SSRF-safe fetching.
 */
export * from './baking/index.ts';
export * from './clr.ts';
export {
  BUNDLED_CONTEXTS,
  CONTEXT_URLS,
  MICRO_CREDENTIAL_CONTEXT,
  MICRO_CREDENTIAL_CONTEXT_URL,
} from './contexts/index.ts';
export { buildDidDocument, type ListedKey, verificationMethodOf } from './did-document.ts';
export {
  didKeyFromPublicKeyMultibase,
  didKeyVerificationMethodId,
  resolveDidKey,
} from './did-key.ts';
export {
  createDidWebResolver,
  type DidWebResolverOptions,
  didWebToUrl,
  resolveDidWeb,
} from './did-web.ts';
export {
  createDocumentLoader,
  type DocumentLoaderOptions,
  defaultDocumentLoader,
} from './document-loader.ts';
export * from './endorsement.ts';
export {
  CredentialsError,
  FetchFailedError,
  ResolutionError,
  SigningError,
  StatusListError,
  UnknownDocumentError,
  UnsafeUrlError,
} from './errors.ts';
export { type CachingFetch, createHttpCache, type HttpCacheOptions } from './http-cache.ts';
export { isPublicAddress } from './ip-address.ts';
export {
  type Ed25519KeyPair,
  ed25519KeyToJwk,
  generateEd25519KeyPair,
  generateRsaKeyPair,
  publicJwkOf,
  publicKeyOf,
  type RsaKeyPair,
  type SigningKey,
} from './keys.ts';
export { jsonTextTooDeep, VERIFICATION_LIMITS, valueTooDeep } from './limits.ts';
export * from './ob2/index.ts';
export {
  buildAchievement,
  buildIssuerProfile,
  buildOpenBadgeCredential,
  hashedEmailIdentity,
  type IssuerOrganization,
  OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  type OpenBadgeCredentialArgs,
  type Recipient,
  resultDescriptionId,
} from './open-badge.ts';
export {
  defaultSchemaValidator,
  OB3_CREDENTIAL_TYPES,
  validateOb3Credential,
} from './schema-validator.ts';
export { type SignatureFormat, type SignOptions, signCredential } from './sign.ts';
export { type DataIntegrityCryptosuite, signDataIntegrity } from './sign-data-integrity.ts';
export { type JwtPayloadStyle, signJwt } from './sign-jwt.ts';
export {
  buildPresentation,
  envelopeVcJwt,
  type PresentationSignOptions,
  signPresentation,
} from './sign-presentation.ts';
export {
  assertSafeUrl,
  createSafeFetch,
  type LookupFunction,
  type SafeFetch,
  type SafeFetchInit,
  type SafeFetchOptions,
  type SafeResponse,
} from './ssrf-safe-fetch.ts';
export {
  buildStatusListCredential,
  buildStatusListEntry,
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  getStatus,
  MIN_STATUS_LIST_BITS,
  type StatusPurpose,
  setStatus,
} from './status-list.ts';
export type * from './types.ts';
export {
  createVerificationMethodResolver,
  findVerificationMethod,
  type VerificationMethodResolverOptions,
} from './verification-method-resolver.ts';
export * from './verification-types.ts';
export { type VerifyOptions, verifyCredential } from './verify.ts';
export {
  type Presentation,
  type PresentationCheckName,
  type PresentationCheckResult,
  type PresentationVerificationResult,
  type PresentationVerifyOptions,
  verifyPresentation,
} from './verify-presentation.ts';
