import { eq } from 'drizzle-orm';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/context.ts';
import { webhookDeliveries } from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { verifyWebhook } from '../../src/domain/webhooks/signature.ts';
import { createOutboundHttp } from '../../src/services/outbound-http.ts';
import { createWebhookDispatcher } from '../../src/services/webhooks/dispatcher.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from '../helpers/factories.ts';
import { startWebhookReceiver } from '../helpers/webhook-receiver.ts';

let t: TestApp;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  t = await createTestApp({ now });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

type Org = { slug: string; token: string; owner: TestPerson; achievementId: string };

async function organization(): Promise<Org> {
  const owner = await signUpPerson(t, 'Webhook Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  const token = (await createToken(t, owner, slug, 'owner')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  return { slug, token, owner, achievementId: created.json.id.split('/').at(-1) };
}

async function register(org: Org, url: string, eventTypes = ['credential.issued']) {
  return t.request('POST', `/api/v1/organizations/${org.slug}/webhooks`, {
    token: org.token,
    json: { url, eventTypes, description: 'test receiver' },
  });
}

async function award(org: Org) {
  const awarded = await t.request('POST', `/api/v1/achievements/${org.achievementId}/awards`, {
    token: org.token,
    json: { recipient: { email: 'someone@example.org' } },
  });
  expect(awarded.status, awarded.text).toBe(201);
  return awarded.json.id as string;
}

async function deliveries(org: Org, endpointId: string) {
  const response = await t.request(
    'GET',
    `/api/v1/organizations/${org.slug}/webhooks/${endpointId}/deliveries`,
    { token: org.token },
  );
  expect(response.status, response.text).toBe(200);
  return response.json.deliveries;
}

describe('webhook endpoints', () => {
  it('refuses private, non-https and malformed URLs with the reason', async () => {
    const org = await organization();
    for (const url of [
      'https://10.0.0.5/hooks',
      'https://192.168.1.20/hooks',
      'http://hooks.example.com/in',
      'https://user:pw@hooks.example.com/in',
      'not a url',
    ]) {
      const response = await register(org, url);
      expect(response.status, url).toBe(400);
      expect(response.json.errors[0].field).toBe('url');
      expect(response.json.detail).toMatch(/The webhook URL (must|must not) /);
    }
  });

  it('shows the secret once and never stores or lists it in clear', async () => {
    const org = await organization();
    const created = await register(org, 'https://hooks.example.com/in');
    expect(created.status, created.text).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    const listed = await t.request('GET', `/api/v1/organizations/${org.slug}/webhooks`, {
      token: org.token,
    });
    expect(listed.json.endpoints).toHaveLength(1);
    expect(listed.text).not.toContain(created.json.secret);
    const rows = await t.ctx.database.db.execute(
      `select sealed_secret from webhook_endpoints where id = '${created.json.endpoint.id}'`,
    );
    expect(JSON.stringify(rows)).not.toContain(created.json.secret.slice(6));
    expect(t.logs.join('')).not.toContain(created.json.secret);
  });

  it("another organization's endpoints and deliveries are not found, and its owners are refused", async () => {
    const mine = await organization();
    const theirs = await organization();
    const created = await register(mine, receiver.url);
    const id = created.json.endpoint.id;
    const crossId = await t.request(
      'GET',
      `/api/v1/organizations/${theirs.slug}/webhooks/${id}/deliveries`,
      { token: theirs.token },
    );
    expect(crossId.status).toBe(404);
    const crossDelete = await t.request(
      'DELETE',
      `/api/v1/organizations/${theirs.slug}/webhooks/${id}`,
      { token: theirs.token },
    );
    expect(crossDelete.status).toBe(404);
    const crossSlug = await t.request('GET', `/api/v1/organizations/${mine.slug}/webhooks`, {
      token: theirs.token,
    });
    expect(crossSlug.status).toBe(403);
  });
});

describe('webhook deliveries', () => {
  it('survive a restart and arrive signed per Standard Webhooks', async () => {
    const org = await organization();
    const created = await register(org, receiver.url);
    const secret: string = created.json.secret;
    const credentialId = await award(org);
    const before = receiver.received.length;
    // The app that enqueued is gone; a new context over the same database delivers.
    const restarted = await createAppContext(t.ctx.config, {
      database: t.ctx.database,
      migrate: false,
      logger: pino({ level: 'silent' }),
    });
    const dispatcher = createWebhookDispatcher(restarted, restarted.outboundHttp);
    expect((await dispatcher.deliverDue()).delivered).toBeGreaterThanOrEqual(1);
    const got = receiver.received.slice(before).find((r) => r.body.includes(credentialId))!;
    expect(got).toBeDefined();
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'credential.issued',
      data: { credentialId },
    });
    // The reference implementation accepts it …
    expect(new Webhook(secret).verify(got.body, got.headers)).toMatchObject({
      type: 'credential.issued',
    });
    const headers = {
      'webhook-id': got.headers['webhook-id']!,
      'webhook-timestamp': got.headers['webhook-timestamp']!,
      'webhook-signature': got.headers['webhook-signature']!,
    };
    expect(verifyWebhook(secret, headers, got.body, new Date())).toBe(true);
    // … and a changed body or another endpoint's secret does not verify.
    expect(() => new Webhook(secret).verify(`${got.body} `, got.headers)).toThrow();
    const other = (await register(org, 'https://hooks.example.com/other')).json.secret;
    expect(verifyWebhook(other, headers, got.body, new Date())).toBe(false);
    const [delivery] = await deliveries(org, created.json.endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastResponseStatus: 204 });
    expect(delivery.id).toBe(headers['webhook-id']);
  });

  it('only subscribed events are delivered', async () => {
    const org = await organization();
    const created = await register(org, receiver.url, ['credential.revoked']);
    const credentialId = await award(org);
    expect(await deliveries(org, created.json.endpoint.id)).toHaveLength(0);
    const revoked = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: org.token,
      json: { action: 'revoke', reason: 'test' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    const [delivery] = await deliveries(org, created.json.endpoint.id);
    expect(delivery).toMatchObject({ eventType: 'credential.revoked', status: 'pending' });
  });

  it('retries with exponential back-off, logs each attempt, and can be redelivered', async () => {
    const org = await organization();
    const created = await register(org, receiver.url);
    const endpointId = created.json.endpoint.id;
    const dispatcher = createWebhookDispatcher(t.ctx, t.ctx.outboundHttp, {
      stopwatch: () => () => 7,
    });
    await dispatcher.deliverDue();
    await award(org);
    receiver.answers.push(503, 500);
    offsetMs = 0;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, failed: 1 });
    let [delivery] = await deliveries(org, endpointId);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: 503 });
    const firstRetryAt = Date.parse(delivery.nextAttemptAt) - Date.now();
    expect(firstRetryAt).toBeGreaterThan(25_000);
    expect(firstRetryAt).toBeLessThanOrEqual(30_000);
    // Not due yet: nothing is sent.
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, failed: 0 });
    offsetMs = 31_000;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 0, failed: 1 });
    [delivery] = await deliveries(org, endpointId);
    const secondDelay = Date.parse(delivery.nextAttemptAt) - (Date.now() + offsetMs);
    expect(secondDelay).toBeGreaterThan(55_000);
    expect(secondDelay).toBeLessThanOrEqual(60_000);
    offsetMs = 31_000 + 61_000;
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 1, failed: 0 });
    [delivery] = await deliveries(org, endpointId);
    expect(delivery.status).toBe('delivered');
    expect(delivery.log.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([
      503, 500, 204,
    ]);
    expect(delivery.log[0]).toMatchObject({
      durationMs: 7,
      error: 'the receiver answered HTTP 503',
    });

    const before = receiver.received.length;
    const redelivered = await t.request(
      'POST',
      `/api/v1/organizations/${org.slug}/webhooks/${endpointId}/deliveries/${delivery.id}/redeliver`,
      { token: org.token },
    );
    expect(redelivered.status, redelivered.text).toBe(202);
    expect(await dispatcher.deliverDue()).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.slice(before).map((r) => r.headers['webhook-id'])).toEqual([
      delivery.id,
    ]);
    [delivery] = await deliveries(org, endpointId);
    expect(delivery.log).toHaveLength(4);
    offsetMs = 0;
  });

  it('stops at once for an endpoint removed while a delivery was pending', async () => {
    const org = await organization();
    const created = await register(org, receiver.url);
    await award(org);
    const removed = await t.request(
      'DELETE',
      `/api/v1/organizations/${org.slug}/webhooks/${created.json.endpoint.id}`,
      { token: org.token },
    );
    expect(removed.status).toBe(204);
    const before = receiver.received.length;
    await createWebhookDispatcher(t.ctx, t.ctx.outboundHttp).deliverDue();
    expect(receiver.received.length).toBe(before);
    const rows = await t.ctx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, created.json.endpoint.id));
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ['failed', 1, 'the endpoint was removed'],
    ]);
  });

  it('refuses at delivery time a host that resolves to a private address, without connecting', async () => {
    const org = await organization();
    const created = await register(org, 'https://hooks.example.com/in');
    await award(org);
    let connected = false;
    const http = createOutboundHttp({
      lookup: async () => [{ address: '10.1.2.3', family: 4 }],
      fetchImpl: async () => {
        connected = true;
        return new Response(null, { status: 204 });
      },
    });
    await createWebhookDispatcher(t.ctx, http).deliverDue();
    expect(connected).toBe(false);
    const [delivery] = await deliveries(org, created.json.endpoint.id);
    expect(delivery.status).toBe('pending');
    expect(delivery.lastError).toContain('non-public address 10.1.2.3');
  });
});
