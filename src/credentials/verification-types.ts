/**
 * Result and dependency types of verification. Verification returns results and
 * never throws on a bad credential (the shape of Digital Bazaar's `vc.verifyCredential`).
 */
import type {
  Credential,
  DataIntegrityProof,
  DocumentLoader,
  JsonObject,
  ResolvedVerificationMethod,
  VerificationMethodResolver,
} from './types.ts';

/** The checks, in the order they run. */
export const CHECK_NAMES = [
  'format',
  'proof',
  'issuer-key',
  'validity',
  'status',
  'schema',
  'trust',
  'transparency',
] as const;

/** One stage of the verification pipeline. */
export type CheckName = (typeof CHECK_NAMES)[number];

/** `warning` does not make a credential unverified; `failed` does. */
export type CheckOutcome = 'passed' | 'failed' | 'warning' | 'skipped';

/** What one check found. */
export interface CheckResult {
  check: CheckName;
  outcome: CheckOutcome;
  /** Plain language for a recruiter or learner. */
  message: string;
  /** Technical detail for developers and logs. */
  detail?: string;
}

/** The verdict: `verified` is true iff no check failed. */
export interface VerificationResult {
  verified: boolean;
  /** The credential as read (for a JWT, the credential inside it). */
  credential?: Credential;
  checks: CheckResult[];
}

/** Fetches a status list credential (JSON object or compact JWT); must be SSRF-safe. */
export type StatusListFetcher = (url: string) => Promise<unknown>;

/** The outcome of validating against a JSON Schema. */
export interface SchemaValidation {
  valid: boolean;
  /** Id of the schema used. */
  schema: string;
  errors: string[];
}

/** Validates a credential; returns undefined when no schema applies to it. */
export type SchemaValidator = (
  credential: Credential,
) => SchemaValidation | undefined | Promise<SchemaValidation | undefined>;

/** How the platform regards an issuer. Unknown issuers are a warning, not a failure. */
export type IssuerTrust = 'trusted' | 'known' | 'unknown';

/** The trust registry entry that vouches for an issuer, as the trust check names it. */
export interface TrustRegistryEntryRef {
  id: string;
  /** Who the entry is about, e.g. "Open University of Example". */
  name: string;
  /** Accreditation in words: body, id, until when (absent when none is recorded). */
  accreditation?: string;
  /** ISO date after which the entry no longer vouches. */
  validUntil?: string;
}

/**
 * What the registry says: a bare level, or the entry that vouches (`trusted`) or used to
 * (`lapsed`: its validity ended, so the issuer is no longer trusted).
 */
export type IssuerTrustVerdict =
  | IssuerTrust
  | { trust: 'trusted' | 'lapsed'; entry: TrustRegistryEntryRef };

/** Looks up an issuer in the platform's trust registry. */
export type IssuerTrustLookup = (issuerId: string) => Promise<IssuerTrustVerdict>;

/** Everything verification needs from outside, injected (nothing global, no network unless given). */
export interface VerifyDeps {
  /** JSON-LD loader; defaults to the offline loader with bundled contexts. */
  documentLoader?: DocumentLoader;
  /** Key resolver; defaults to did:key only. */
  resolveVerificationMethod?: VerificationMethodResolver;
  /** Status list fetcher; without it, status is reported as not checked (warning). */
  fetchStatusList?: StatusListFetcher;
  /** The clock; defaults to the system time. */
  now?: () => Date;
  /** Schema validator; defaults to the bundled OB 3.0 AchievementCredential schema. */
  validateSchema?: SchemaValidator;
  /** Trust registry lookup; without it the trust check is skipped. */
  issuerTrust?: IssuerTrustLookup;
  /** Finds the credential in a transparency log; without it the transparency check is skipped. */
  transparency?: TransparencyLookup;
}

/**
 * What a transparency log holds about a credential: the logged leaf, the stored credential
 * whose SHA-256 the leaf names, an inclusion proof (hex hashes) and the signed tree head it
 * leads to (absent until a head covers the entry).
 */
export interface TransparencyEvidence {
  leaf: string;
  leafIndex: number;
  stored: string;
  proof: string[];
  head?: { signature: string; publicKeyMultibase: string };
}

/**
 * Finds a credential (and, for a VC-JWT, its compact form) in a log. `undefined`: no log knows
 * this issuer; `not-logged`: the issuer's log has no entry for it.
 */
export type TransparencyLookup = (
  credential: Credential,
  jwt?: string,
) => Promise<TransparencyEvidence | 'not-logged' | undefined>;

/** How the credential is secured. */
export type Securing =
  | { kind: 'data-integrity'; proofs: DataIntegrityProof[] }
  | { kind: 'vc-jwt'; jwt: string; header: JsonObject; payload: JsonObject };

/** The state passed along the pipeline once the input has been read. */
export interface VerificationState {
  credential: Credential;
  issuerId: string;
  securing: Securing;
  /** Resolved keys by verification method id (or the error explaining why not). */
  keys: Map<string, ResolvedVerificationMethod | Error>;
}

/** Key under which a JWT's embedded `jwk` header key is stored in `keys`. */
export const EMBEDDED_JWK = 'jwk:embedded';
