import { expect } from 'vitest';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
import type { TestApp } from './app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  signUpPerson,
  type TestPerson,
} from './factories.ts';

export type IssuerFixture = { slug: string; token: string; achievementId: string };

/** An organization with an issuer token and one micro-credential with every EU element. */
export async function createIssuer(t: TestApp): Promise<IssuerFixture> {
  const owner = await signUpPerson(t, 'Issuer Owner');
  const { slug } = await createOrganizationOwnedBy(t, owner);
  const token = (await createToken(t, owner, slug, 'issuer')).secret;
  const created = await t.request('POST', `/api/v1/organizations/${slug}/achievements`, {
    token,
    json: fullAchievementDefinition(),
  });
  expect(created.status, created.text).toBe(201);
  return { slug, token, achievementId: created.json.id.split('/').at(-1) };
}

/**
 * Awards the achievement to the learner through the real API and puts the stored credential
 * in their wallet; returns the wallet entry's id and the issued credential's id.
 */
export async function awardIntoWallet(
  t: TestApp,
  issuer: IssuerFixture,
  learner: TestPerson,
  format: 'eddsa-rdfc-2022' | 'vc-jwt' = 'eddsa-rdfc-2022',
): Promise<{ walletId: string; credentialId: string; content: string }> {
  const awarded = await t.request('POST', `/api/v1/achievements/${issuer.achievementId}/awards`, {
    token: issuer.token,
    json: { recipient: { email: learner.email }, format },
  });
  expect(awarded.status, awarded.text).toBe(201);
  const issued = await findIssuedCredential(t.ctx.db, awarded.json.id);
  const entry = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
    content: issued!.signed,
    receivedAs: format === 'vc-jwt' ? 'jwt' : 'json',
    source: 'issued',
    issuedCredentialId: issued!.id,
  });
  return { walletId: entry.id, credentialId: issued!.id, content: issued!.signed };
}
