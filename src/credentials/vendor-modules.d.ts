// Minimal typings for the untyped Digital Bazaar packages this folder uses. Only
// the members we call are declared; their shapes follow each package's README.

declare module '@digitalbazaar/credentials-context' {
  /** Map of context URL to context document. */
  export const contexts: Map<string, Record<string, unknown>>;
}

// The context packages below are CommonJS; Node exposes `contexts` as a named export.
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module 'did-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module 'ed25519-signature-2020-context' {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyPair {
    id?: string;
    controller?: string;
    type: 'Multikey';
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    publicKey: Uint8Array;
    secretKey?: Uint8Array;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, string>>;
    signer(): {
      id: string;
      algorithm: string;
      sign(input: { data: Uint8Array }): Promise<Uint8Array>;
    };
    verifier(): {
      id: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyPair>;
  export function fromJwk(options: {
    jwk: Record<string, unknown>;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<Ed25519MultikeyPair>;
  export function toJwk(options: {
    keyPair: Ed25519MultikeyPair;
    secretKey?: boolean;
  }): Promise<Record<string, string>>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: {
        id: string;
        algorithm: string;
        sign(input: { data: Uint8Array }): Promise<Uint8Array>;
      };
      date?: string | Date | number | null;
      cryptosuite: object;
      legacyContext?: boolean;
    });
    verificationMethod?: string;
    verifyProof(options: {
      proof: Record<string, unknown>;
      proofSet?: Record<string, unknown>[];
      document: Record<string, unknown>;
      documentLoader: (url: string) => Promise<unknown>;
    }): Promise<{ verified: boolean; error?: Error; verificationMethod?: unknown }>;
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    requiredAlgorithm: string;
    canonize(input: object, options: object): Promise<string>;
    createVerifier(options: { verificationMethod: object }): Promise<object>;
  };
}

declare module 'canonicalize' {
  export default function canonicalize(input: unknown): string | undefined;
}

declare module 'rdf-canonize' {
  export function canonize(
    dataset: object[],
    options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' },
  ): Promise<string>;
}

declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createSignCryptosuite(): { name: string };
  export function createVerifyCryptosuite(): { name: string };
}

declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: object;
    documentLoader: (url: string) => Promise<unknown>;
    now?: string | Date;
    purpose?: object;
  }): Promise<Record<string, unknown>>;
  export function _checkCredential(options: {
    credential: object;
    now?: Date | string;
    mode?: 'issue' | 'verify';
    maxClockSkew?: number;
  }): void;
  export function verifyCredential(options: {
    credential: object;
    suite: object;
    documentLoader: (url: string) => Promise<unknown>;
    now?: Date;
    checkStatus?: () => Promise<{ verified: boolean }>;
  }): Promise<{ verified: boolean; error?: unknown }>;
}

declare module 'jsonld' {
  const jsonld: {
    expand(
      input: Record<string, unknown>,
      options: { documentLoader: (url: string) => Promise<unknown>; safe?: boolean },
    ): Promise<Array<Record<string, unknown>>>;
    toRDF(input: object, options: object): Promise<object[]>;
  };
  export default jsonld;
}
