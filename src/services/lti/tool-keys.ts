/**
 * The tool's own RSA key pair (LTI Security Framework §6: RS256), used to sign deep linking
 * responses and client-credentials assertions. The private key is sealed under
 * SKILLMARK_SECRET_KEY like issuer keys and never leaves this module in clear.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from 'jose';
import { insertLtiToolKey, listLtiToolKeys } from '../../db/repositories/lti.ts';
import type { ServiceContext } from '../context.ts';
import { openPrivateKey, sealPrivateKey } from '../issuers/key-sealing.ts';

export type ToolSigningKey = { kid: string; privateKey: CryptoKey };

const sealId = (kid: string) => `lti-tool-key:${kid}`;

async function createToolKey(ctx: ServiceContext) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  await insertLtiToolKey(ctx.db, {
    kid,
    publicJwk,
    sealedPrivateKey: sealPrivateKey(ctx.secretKey, sealId(kid), await exportPKCS8(privateKey)),
  });
}

/** The tool's public keys, newest first, as the JWKS platforms fetch; creates one on first use. */
export async function toolJwks(ctx: ServiceContext): Promise<{ keys: JWK[] }> {
  let rows = await listLtiToolKeys(ctx.db);
  if (rows.length === 0) {
    await createToolKey(ctx);
    rows = await listLtiToolKeys(ctx.db);
  }
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}

/** The newest key, to sign with. */
export async function toolSigningKey(ctx: ServiceContext): Promise<ToolSigningKey> {
  await toolJwks(ctx);
  const [newest] = await listLtiToolKeys(ctx.db);
  const pem = openPrivateKey(ctx.secretKey, sealId(newest!.kid), newest!.sealedPrivateKey);
  return { kid: newest!.kid, privateKey: await importPKCS8(pem, 'RS256') };
}
