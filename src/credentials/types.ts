/**
 * Shared shapes of the credential engine. Kept structural and loose where the
 * standards allow extension (JSON-LD documents carry arbitrary extra terms).
 */

/** A JSON value as parsed from a credential. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object; credentials, proofs and DID documents are all of this shape. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/** A Data Integrity proof (VC-DATA-INTEGRITY §2.1). */
export interface DataIntegrityProof extends JsonObject {
  type: string;
  cryptosuite?: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue?: string;
}

/** A Verifiable Credential (VC-DATA-MODEL-2.0 §4) as JSON. */
export interface Credential extends JsonObject {
  '@context': JsonValue[];
  type: string[] | string;
  issuer: string | JsonObject;
}

/** What a JSON-LD document loader returns (jsonld.js RemoteDocument). */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: JsonObject;
}

/** A JSON-LD document loader as used by jsonld.js and Digital Bazaar suites. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A verification method (CID 1.0 §2.2), Multikey or JsonWebKey. */
export interface VerificationMethod extends JsonObject {
  id: string;
  type: string;
  controller: string;
  publicKeyMultibase?: string;
  publicKeyJwk?: JsonObject;
}

/** A DID document (DID-CORE §5) or another controller document. */
export interface ControllerDocument extends JsonObject {
  id: string;
  verificationMethod?: VerificationMethod[];
  assertionMethod?: Array<string | VerificationMethod>;
  authentication?: Array<string | VerificationMethod>;
}

/** A verification method together with the document of its controller, if known. */
export interface ResolvedVerificationMethod {
  verificationMethod: VerificationMethod;
  controllerDocument?: ControllerDocument;
}

/** Resolves a verification method id (a DID URL or an https URL) to its key. */
export type VerificationMethodResolver = (id: string) => Promise<ResolvedVerificationMethod>;

/** Resolves a DID (without fragment) to its DID document. */
export type DidResolver = (did: string) => Promise<ControllerDocument>;
