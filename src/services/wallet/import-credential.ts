/**
 * Import into the learner's wallet (issue 5 item 3): from a file, a pasted text or a URL.
 * Pipeline: fetch (URL only, SSRF-safe) → detect (pure sniffing; baked images opened) → verify
 * (outside any transaction: it may fetch keys and status lists) → store and audit in one
 * transaction. A credential that fails verification is still kept, with its status (never
 * 'valid'); input that is no credential at all is refused with a plain reason.
 */
import {
  BakedImageError,
  FetchFailedError,
  type SafeFetch,
  UnsafeUrlError,
  type VerificationResult,
} from '../../credentials/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { evaluatePathwaysForLearner } from '../pathways/progress.ts';
import { addToWallet, type ReceivedAs, type WalletCredentialView } from './add-to-wallet.ts';
import { type ClrAchievement, clrAchievements } from './import-clr.ts';
import {
  type DetectedCredential,
  type Detection,
  detectBytes,
  detectText,
  ImportRefusal,
} from './import-detect.ts';
import { createImportFetch, createOb2Verifier, MAX_IMPORT_BYTES } from './import-ob2.ts';

/** Where an import comes from. */
export type ImportSource =
  | { text: string }
  | { url: string }
  | { file: Uint8Array; fileName: string };

export type ImportOptions = {
  /** Replaces the network (tests); defaults to the SSRF-safe fetch with import limits. */
  safeFetch?: SafeFetch;
};

/** The stored wallet entry (with its verification) and, for a CLR, what it records. */
export type ImportResult = {
  entry: WalletCredentialView;
  receivedAs: ReceivedAs;
  achievements?: ClrAchievement[];
};

const ACCEPT =
  'application/vc+ld+json, application/ld+json, application/json, application/vc+jwt, application/jwt, image/png, image/svg+xml, text/plain;q=0.5';

function fieldOf(source: ImportSource): 'text' | 'url' | 'file' {
  return 'text' in source ? 'text' : 'url' in source ? 'url' : 'file';
}

/** Turns what refused the input into a 400 naming the field, in the learner's words. */
function refused(error: unknown, field: string): never {
  if (
    error instanceof ImportRefusal ||
    error instanceof BakedImageError ||
    error instanceof UnsafeUrlError ||
    error instanceof FetchFailedError
  )
    throw new ValidationError(error.message, [{ field, message: error.message }]);
  throw error;
}

async function download(safeFetch: SafeFetch, url: string): Promise<Uint8Array> {
  try {
    return (await safeFetch(url, { accept: ACCEPT })).body;
  } catch (error) {
    if (error instanceof UnsafeUrlError || error instanceof FetchFailedError) throw error;
    // A network failure (DNS, TLS, connection reset) is the address's problem, not ours.
    throw new FetchFailedError(`${url} could not be fetched (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

async function detect(source: ImportSource, safeFetch: SafeFetch): Promise<DetectedCredential> {
  let detection: Detection;
  if ('url' in source) detection = detectBytes(await download(safeFetch, source.url.trim()));
  else if ('text' in source) detection = detectText(source.text);
  else {
    if (source.file.length > MAX_IMPORT_BYTES)
      throw new ImportRefusal(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
    detection = detectBytes(source.file);
  }
  if ('ob2AssertionUrl' in detection) {
    // An OB 2.0 hosted badge image may carry only its assertion's URL (OB 2.0 §Baking).
    const assertion = detectBytes(await download(safeFetch, detection.ob2AssertionUrl));
    if (!('content' in assertion) || assertion.receivedAs !== 'ob2')
      throw new ImportRefusal(
        'The badge image points to something that is not an Open Badges 2.0 assertion.',
      );
    return assertion;
  }
  return detection;
}

/**
 * Imports a credential into `accountId`'s wallet: detects what it is (OB 3.0 JSON or VC-JWT,
 * CLR 2.0, OB 2.0 hosted or signed, baked PNG or SVG), verifies it with `verify` (OB 3.0 and
 * CLR) or the OB 2.0 verifier, and stores it as imported. Refuses unknown input, crafted images
 * and unsafe URLs with a ValidationError naming the field; a bad credential is stored with its
 * status. Importing the same content twice returns the entry already there.
 */
export async function importCredential(
  ctx: ServiceContext,
  verify: (input: unknown) => Promise<VerificationResult>,
  accountId: string,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const safeFetch = options.safeFetch ?? createImportFetch();
  const detected = await detect(source, safeFetch).catch((error) =>
    refused(error, fieldOf(source)),
  );
  const verifier = detected.receivedAs === 'ob2' ? createOb2Verifier(ctx, { safeFetch }) : verify;
  const result = await verifier(detected.content);
  const entry = await ctx.db.transaction(async (tx) => {
    const stored = await addToWallet({ ...ctx, db: tx }, async () => result, accountId, {
      content: detected.content,
      receivedAs: detected.receivedAs,
      source: 'imported',
    });
    await recordAudit(tx, `account:${accountId}`, 'wallet.credential-imported', {
      target: stored.id,
      detail: { receivedAs: detected.receivedAs, status: stored.status, via: fieldOf(source) },
    });
    return stored;
  });
  // Recognition of prior learning (issue 6): a verified import may complete a pathway.
  if (entry.status === 'valid') await evaluatePathwaysForLearner(ctx, accountId);
  return {
    entry,
    receivedAs: detected.receivedAs,
    ...(detected.receivedAs === 'clr'
      ? { achievements: await clrAchievements(detected.content, verify) }
      : {}),
  };
}
