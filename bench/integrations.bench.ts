/**
 * Issue 11 integrations: the cost of signing a webhook, of verifying an LTI launch (RS256
 * signature against a JWKS plus every claim check), and of delivering one webhook end to end
 * (claim from the outbox on embedded PGlite, sign, POST to a loopback receiver, log the attempt).
 *
 *   npm run bench -- --only integrations
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { wrapPglite } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { insertOrganization } from '../src/db/repositories/organizations.ts';
import { insertWebhookDeliveries, insertWebhookEndpoint } from '../src/db/repositories/webhooks.ts';
import { ltiClaims, validateLaunchClaims } from '../src/domain/lti/claims.ts';
import { newWebhookSecret, signWebhook } from '../src/domain/webhooks/signature.ts';
import { createPasswordHasher } from '../src/services/auth/passwords.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { sealPrivateKey } from '../src/services/issuers/key-sealing.ts';
import { createOutboundHttp } from '../src/services/outbound-http.ts';
import { createWebhookDispatcher } from '../src/services/webhooks/dispatcher.ts';
import { webhookSecretKeyId } from '../src/services/webhooks/endpoints.ts';
import type { BenchCase } from './measure.ts';

const secret = newWebhookSecret();
const body = JSON.stringify({ type: 'credential.issued', data: { pad: 'x'.repeat(900) } });

let verifyLaunch: () => Promise<unknown> = async () => undefined;
let deliverOne: () => Promise<unknown> = async () => undefined;

async function setUpLaunch() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = createLocalJWKSet({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }],
  });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({
    iss: 'https://lms.example.edu',
    aud: 'tool',
    sub: 'user-1',
    iat: now,
    exp: now + 3600,
    nonce: 'n',
    [ltiClaims.messageType]: 'LtiResourceLinkRequest',
    [ltiClaims.version]: '1.3.0',
    [ltiClaims.deploymentId]: 'd1',
    [ltiClaims.resourceLink]: { id: 'rl' },
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
  const expected = {
    issuer: 'https://lms.example.edu',
    clientId: 'tool',
    deploymentIds: ['d1'],
    nonce: 'n',
    now: new Date(),
  };
  verifyLaunch = async () => {
    const { payload } = await compactVerify(token, jwks, { algorithms: ['RS256'] });
    return validateLaunchClaims(JSON.parse(new TextDecoder().decode(payload)), expected);
  };
}

async function setUpDelivery() {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiver.unref();
  const database = wrapPglite(await PGlite.create());
  await runMigrations(database);
  const ctx: ServiceContext = {
    db: database.db,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    passwords: createPasswordHasher({ cost: 2 ** 10 }),
    adminToken: undefined,
    publicUrl: 'http://localhost:3000',
    secretKey: randomBytes(32),
    reminderDays: [],
  };
  const organization = await insertOrganization(ctx.db, {
    id: randomUUID(),
    slug: 'bench',
    name: 'Bench',
    kind: 'university',
  });
  const endpointId = randomUUID();
  await insertWebhookEndpoint(ctx.db, {
    id: endpointId,
    organizationId: organization.id,
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    eventTypes: ['credential.issued'],
    sealedSecret: sealPrivateKey(ctx.secretKey, webhookSecretKeyId(endpointId), secret),
  });
  const dispatcher = createWebhookDispatcher(ctx, createOutboundHttp({ allowLoopback: true }));
  let eventId = 0;
  deliverOne = async () => {
    eventId += 1;
    await insertWebhookDeliveries(ctx.db, [
      {
        id: `msg_${randomUUID().replaceAll('-', '')}`,
        endpointId,
        eventId,
        eventType: 'credential.issued',
        body,
        nextAttemptAt: new Date(Date.now() - 1000),
      },
    ]);
    const result = await dispatcher.deliverDue();
    if (result.delivered !== 1)
      throw new Error(`expected one delivery, got ${JSON.stringify(result)}`);
  };
}

export const cases: BenchCase[] = [
  {
    name: 'webhook signature (HMAC-SHA256, 1 KiB body)',
    run: () => signWebhook(secret, 'msg_1', new Date(), body),
  },
  {
    name: 'LTI launch verification (RS256 + claims)',
    setup: setUpLaunch,
    run: () => verifyLaunch(),
  },
  {
    name: 'webhook enqueue + delivery to loopback (PGlite)',
    setup: setUpDelivery,
    run: () => deliverOne(),
  },
];
