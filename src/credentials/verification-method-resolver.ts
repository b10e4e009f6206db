/**
 * Resolves the verification method named by a proof (or a JWT `kid`) to its public key
 * and, where possible, the controller document that authorises it (CID 1.0 §3.3
 * "Retrieve Verification Method").
 */
import { resolveDidKey } from './did-key.ts';
import { ResolutionError } from './errors.ts';
import type {
  ControllerDocument,
  DidResolver,
  JsonObject,
  ResolvedVerificationMethod,
  VerificationMethod,
  VerificationMethodResolver,
} from './types.ts';

/** Options of {@link createVerificationMethodResolver}. */
export interface VerificationMethodResolverOptions {
  /** Keys known without any lookup, e.g. the platform's own issuer keys. */
  knownVerificationMethods?: VerificationMethod[];
  /** Resolver for non-did:key DIDs, e.g. a did:web resolver built on a safe fetch. */
  resolveDid?: DidResolver;
  /** Loads the controller document at an https URL (the part before `#`); must be SSRF-safe. */
  fetchControllerDocument?: (url: string) => Promise<unknown>;
}

function isVerificationMethod(value: unknown): value is VerificationMethod {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as JsonObject;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.controller === 'string'
  );
}

/** Finds a verification method in a controller document by absolute or relative id. */
export function findVerificationMethod(
  document: ControllerDocument,
  id: string,
): VerificationMethod | undefined {
  const hash = id.indexOf('#');
  const fragment = hash >= 0 ? id.slice(hash) : undefined;
  const candidates = [...(document.verificationMethod ?? []), ...(document.assertionMethod ?? [])];
  if (!fragment) {
    // A bare DID as verification method (seen with did:key): use its first assertion method.
    const first = document.assertionMethod?.[0];
    const firstId = typeof first === 'string' ? first : first?.id;
    return firstId ? findVerificationMethod(document, absolute(document.id, firstId)) : undefined;
  }
  const method = candidates.find(
    (m): m is VerificationMethod =>
      isVerificationMethod(m) && (m.id === id || absolute(document.id, m.id) === id),
  );
  return method
    ? { ...method, id, controller: absolute(document.id, method.controller) }
    : undefined;
}

function absolute(base: string, id: string): string {
  return id.startsWith('#') ? `${base}${id}` : id;
}

function asControllerDocument(value: unknown, expectedId: string): ControllerDocument {
  if (typeof value !== 'object' || value === null || (value as JsonObject).id !== expectedId) {
    throw new ResolutionError(`The document at ${expectedId} does not describe ${expectedId}.`);
  }
  return value as ControllerDocument;
}

/**
 * Creates a resolver: known keys first, did:key locally, other DIDs through
 * `resolveDid`, https URLs through `fetchControllerDocument`. Without those, an
 * unresolvable id is reported with a ResolutionError that says why.
 */
export function createVerificationMethodResolver(
  options: VerificationMethodResolverOptions = {},
): VerificationMethodResolver {
  const known = new Map((options.knownVerificationMethods ?? []).map((m) => [m.id, m]));
  return async function resolve(id: string): Promise<ResolvedVerificationMethod> {
    const knownMethod = known.get(id);
    if (knownMethod) return { verificationMethod: knownMethod };
    const base = id.split('#')[0] ?? id;
    let controllerDocument: ControllerDocument;
    if (id.startsWith('did:key:')) {
      controllerDocument = resolveDidKey(id);
    } else if (id.startsWith('did:')) {
      if (!options.resolveDid) {
        throw new ResolutionError(`No resolver is configured for the DID method of ${id}.`);
      }
      controllerDocument = asControllerDocument(await options.resolveDid(base), base);
    } else if (id.startsWith('https:') || id.startsWith('http:')) {
      if (!options.fetchControllerDocument) {
        throw new ResolutionError(
          `Cannot look up ${id}: fetching issuer documents is not enabled.`,
        );
      }
      controllerDocument = asControllerDocument(await options.fetchControllerDocument(base), base);
    } else {
      throw new ResolutionError(`Unsupported verification method identifier ${id}.`);
    }
    const verificationMethod = findVerificationMethod(controllerDocument, id);
    if (!verificationMethod) {
      throw new ResolutionError(`${base} does not list the verification method ${id}.`);
    }
    return { verificationMethod, controllerDocument };
  };
}
