import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialHistory } from '../../src/services/credential-events/record.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { sameOrigin, signUpPerson } from '../helpers/factories.ts';
import { awardIntoWallet, createIssuer } from '../helpers/wallet-fixtures.ts';

let t: TestApp;
const clock = { now: new Date('2026-06-01T08:00:00Z') };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
});
afterAll(() => t.close());

describe('credential lifecycle events', () => {
  it('records issued, claimed, shared and revoked, each once, under the issuing organization', async () => {
    const issuer = await createIssuer(t);
    const learner = await signUpPerson(t, 'Eve Events');
    const { walletId, credentialId } = await awardIntoWallet(t, issuer, learner);

    const shared = await t.request('POST', `/api/v1/me/credentials/${walletId}/share-links`, {
      cookie: learner.cookie,
      headers: sameOrigin,
    });
    expect(shared.status, shared.text).toBe(201);
    const revoked = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: issuer.token,
      json: { action: 'revoke', reason: 'issued in error' },
    });
    expect(revoked.status, revoked.text).toBe(200);

    const history = await credentialHistory(t.ctx.db, credentialId);
    expect(history.map((event) => event.type)).toEqual(['issued', 'claimed', 'shared', 'revoked']);
    expect(new Set(history.map((event) => event.organizationId)).size).toBe(1);
    const byType = Object.fromEntries(history.map((event) => [event.type, event]));
    expect(byType.claimed!.accountId).toBe(learner.accountId);
    expect(byType.shared!.accountId).toBe(learner.accountId);
    expect(byType.revoked!.accountId).toBeNull();
    // The reason for a revocation is the issuer's business, kept in the audit log only.
    expect(JSON.stringify(byType.revoked!.detail)).not.toContain('issued in error');
  });

  it('a refused revocation leaves no event behind', async () => {
    const issuer = await createIssuer(t);
    const stranger = await createIssuer(t);
    const learner = await signUpPerson(t, 'Rita Refused');
    const { credentialId } = await awardIntoWallet(t, issuer, learner);
    const refused = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
      token: stranger.token,
      json: { action: 'revoke', reason: 'hostile' },
    });
    expect(refused.status).toBe(404);
    expect((await credentialHistory(t.ctx.db, credentialId)).map((e) => e.type)).toEqual([
      'issued',
      'claimed',
    ]);
  });
});
