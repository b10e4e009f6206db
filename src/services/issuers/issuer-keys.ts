import { randomUUID } from 'node:crypto';
import {
  buildDidDocument,
  didKeyFromPublicKeyMultibase,
  generateEd25519KeyPair,
  generateRsaKeyPair,
  type SigningKey,
} from '../../credentials/index.ts';
import type { ControllerDocument, JsonObject } from '../../credentials/types.ts';
import type { Db } from '../../db/client.ts';
import {
  findActiveKey,
  type IssuerKeyRow,
  insertIssuerKey,
  listKeys,
  retireActiveKeys,
} from '../../db/repositories/issuer-keys.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { appendLogEvent } from '../transparency/append.ts';
import { openPrivateKey, sealPrivateKey } from './key-sealing.ts';

export type KeyAlgorithm = 'Ed25519' | 'RSA';

/** Whose keys: an organization (by id and slug), or the platform itself (`null`). */
export type KeyOwner = { organizationId: string; slug: string } | null;

export type IssuerKeysContext = Pick<ServiceContext, 'db' | 'now' | 'publicUrl'> & {
  secretKey: Buffer;
};

/**
 * did:web needs HTTPS (did:web §3.2.1), so it is offered only when SKILLMARK_PUBLIC_URL is https.
 * The port, if any, is percent-encoded; the path segments become colon-separated.
 */
export function didWebOf(publicUrl: string, owner: KeyOwner): string | undefined {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') return undefined;
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const basePath = url.pathname.split('/').filter(Boolean);
  const path = owner ? [...basePath, 'issuers', owner.slug] : basePath;
  return ['did:web', host, ...path].join(':');
}

/** The identifier credentials are issued under: did:web when available, else the active key's did:key. */
export function issuerIdFor(
  ctx: Pick<ServiceContext, 'publicUrl'>,
  owner: KeyOwner,
  activeEd25519: IssuerKeyRow,
): string {
  return (
    didWebOf(ctx.publicUrl, owner) ??
    didKeyFromPublicKeyMultibase(activeEd25519.publicKeyMultibase!)
  );
}

/** Where a key is found by verifiers: `did:web:…#key-n`, or the did:key's own fragment. */
export function verificationMethodIdOf(
  ctx: Pick<ServiceContext, 'publicUrl'>,
  owner: KeyOwner,
  row: IssuerKeyRow,
) {
  const didWeb = didWebOf(ctx.publicUrl, owner);
  if (didWeb) return { id: `${didWeb}#${row.fragment}`, controller: didWeb };
  if (row.algorithm !== 'Ed25519') {
    throw new ValidationError(
      'RS256 VC-JWT needs a did:web issuer: set SKILLMARK_PUBLIC_URL to the https address of this instance, or use EdDSA.',
      [{ field: 'options.format', message: 'RS256 needs did:web' }],
    );
  }
  const did = didKeyFromPublicKeyMultibase(row.publicKeyMultibase!);
  return { id: `${did}#${row.publicKeyMultibase}`, controller: did };
}

/** The active key of that algorithm, created on first use. */
export async function ensureActiveKey(
  ctx: IssuerKeysContext,
  owner: KeyOwner,
  algorithm: KeyAlgorithm,
): Promise<IssuerKeyRow> {
  const organizationId = owner?.organizationId ?? null;
  const existing = await findActiveKey(ctx.db, organizationId, algorithm);
  if (existing) return existing;
  return createKey(ctx, ctx.db, owner, algorithm);
}

async function createKey(
  ctx: IssuerKeysContext,
  db: Db,
  owner: KeyOwner,
  algorithm: KeyAlgorithm,
): Promise<IssuerKeyRow> {
  const organizationId = owner?.organizationId ?? null;
  const id = randomUUID();
  const fragment = `key-${(await listKeys(db, organizationId)).length + 1}`;
  if (algorithm === 'Ed25519') {
    const pair = await generateEd25519KeyPair();
    return insertIssuerKey(db, {
      id,
      organizationId,
      algorithm,
      fragment,
      publicKeyMultibase: pair.publicKeyMultibase,
      sealedPrivateKey: sealPrivateKey(ctx.secretKey, id, pair.secretKeyMultibase!),
    });
  }
  const pair = generateRsaKeyPair({ id: fragment, controller: 'unbound' });
  return insertIssuerKey(db, {
    id,
    organizationId,
    algorithm,
    fragment,
    publicKeyJwk: pair.publicKeyJwk,
    sealedPrivateKey: sealPrivateKey(ctx.secretKey, id, JSON.stringify(pair.privateKeyJwk)),
  });
}

/** Opens a key for signing, named by its verification method. Only services call this. */
export function signingKeyOf(
  ctx: IssuerKeysContext,
  owner: KeyOwner,
  row: IssuerKeyRow,
): SigningKey {
  const { id, controller } = verificationMethodIdOf(ctx, owner, row);
  const secret = openPrivateKey(ctx.secretKey, row.id, row.sealedPrivateKey);
  if (row.algorithm === 'Ed25519') {
    return {
      type: 'Multikey',
      id,
      controller,
      publicKeyMultibase: row.publicKeyMultibase!,
      secretKeyMultibase: secret,
    };
  }
  return {
    type: 'JsonWebKey',
    id,
    controller,
    publicKeyJwk: row.publicKeyJwk as JsonObject,
    privateKeyJwk: JSON.parse(secret),
  };
}

/** Public form of a key row, as listed in DID documents: never the sealed secret. */
function publicKeyOf(ctx: IssuerKeysContext, owner: KeyOwner, row: IssuerKeyRow): SigningKey {
  const { id, controller } = verificationMethodIdOf(ctx, owner, row);
  if (row.algorithm === 'Ed25519')
    return { type: 'Multikey', id, controller, publicKeyMultibase: row.publicKeyMultibase! };
  return { type: 'JsonWebKey', id, controller, publicKeyJwk: row.publicKeyJwk as JsonObject };
}

/** The did:web document listing every key, current and retired; undefined without https. */
export async function didWebDocumentOf(
  ctx: IssuerKeysContext,
  owner: KeyOwner,
): Promise<ControllerDocument | undefined> {
  const did = didWebOf(ctx.publicUrl, owner);
  if (!did) return undefined;
  await ensureActiveKey(ctx, owner, 'Ed25519');
  const rows = await listKeys(ctx.db, owner?.organizationId ?? null);
  return buildDidDocument(
    did,
    rows.map((row) => ({ key: publicKeyOf(ctx, owner, row), retired: row.retiredAt !== null })),
  );
}

/**
 * Retires the active keys and creates a new Ed25519 key, in one transaction. Old keys stay
 * listed (did:web) or self-resolving (did:key), so credentials they signed keep verifying.
 */
export async function rotateKeys(ctx: IssuerKeysContext, owner: KeyOwner): Promise<IssuerKeyRow> {
  return ctx.db.transaction(async (tx) => {
    const organizationId = owner?.organizationId ?? null;
    const hadRsa = (await findActiveKey(tx, organizationId, 'RSA')) !== undefined;
    const now = ctx.now();
    await retireActiveKeys(tx, organizationId, 'Ed25519', now);
    await retireActiveKeys(tx, organizationId, 'RSA', now);
    const key = await createKey(ctx, tx, owner, 'Ed25519');
    if (hadRsa) await createKey(ctx, tx, owner, 'RSA');
    // Issue 10: key rotations are logged too, so auditors can tell a new key from an impostor's.
    await appendLogEvent(
      tx,
      {
        type: 'key.rotated',
        issuer: issuerIdFor(ctx, owner, key),
        key: key.publicKeyMultibase!,
        time: now.toISOString(),
      },
      now,
    );
    return key;
  });
}
