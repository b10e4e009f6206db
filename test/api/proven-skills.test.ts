import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssuedCredential } from '../../src/db/repositories/issued-credentials.ts';
import { assessments, competencyAssociations, competencyEvidence } from '../../src/db/schema.ts';
import { provenSkillsOf, provenSkillsOfMany } from '../../src/services/proven-skills/index.ts';
import { addToWallet } from '../../src/services/wallet/add-to-wallet.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  createOrganizationOwnedBy,
  createToken,
  sameOrigin,
  signUpPerson,
  type TestPerson,
  unsignedBadge,
} from '../helpers/factories.ts';
import {
  createAlignedAchievement,
  type EscoSlice,
  seedEscoSlice,
} from '../helpers/goal-factories.ts';
import { insertFramework, organizationIdOf } from '../helpers/learning-factories.ts';

let t: TestApp;
let esco: EscoSlice;
let issuer: { slug: string; token: string };
let learner: TestPerson;
let peer: TestPerson;
const clock = { now: new Date('2026-06-01T12:00:00Z') };
const credentialOf: Record<string, string> = {};

async function award(achievementId: string, person: TestPerson, statusPurpose?: 'suspension') {
  const response = await t.request('POST', `/api/v1/achievements/${achievementId}/awards`, {
    token: issuer.token,
    json: { recipient: { email: person.email }, ...(statusPurpose ? { statusPurpose } : {}) },
  });
  expect(response.status, response.text).toBe(201);
  return response.json.id as string;
}

async function setStatus(credentialId: string, action: 'revoke' | 'suspend') {
  const response = await t.request('POST', `/api/v1/credentials/${credentialId}/status`, {
    token: issuer.token,
    json: { action, reason: 'test' },
  });
  expect(response.status, response.text).toBe(200);
}

const urisOf = (skills: Array<{ uri: string }>) => skills.map((s) => s.uri).sort();

beforeAll(async () => {
  t = await createTestApp({ now: () => clock.now });
  esco = await seedEscoSlice(t);
  const owner = await signUpPerson(t, 'Owner');
  issuer = { ...(await createOrganizationOwnedBy(t, owner)), token: '' };
  issuer.token = (await createToken(t, owner, issuer.slug, 'issuer')).secret;
  learner = await signUpPerson(t, 'Learner');
  peer = await signUpPerson(t, 'Peer');

  const sql = await createAlignedAchievement(t, issuer, 'SQL', [esco.skill.sql], 10);
  const python = await createAlignedAchievement(t, issuer, 'Python', [esco.skill.python], 10);
  const cloud = await createAlignedAchievement(t, issuer, 'Cloud', [esco.skill.cloud], 10);
  const shortLived = await createAlignedAchievement(
    t,
    issuer,
    'Databases',
    [esco.skill.databases],
    10,
    {
      validityDays: 1,
    },
  );
  credentialOf.sql = await award(sql, learner);
  credentialOf.python = await award(python, learner);
  credentialOf.cloud = await award(cloud, learner, 'suspension');
  credentialOf.databases = await award(shortLived, learner);
  credentialOf.peerSql = await award(sql, peer);
  await setStatus(credentialOf.python, 'revoke');
  await setStatus(credentialOf.cloud, 'suspend');
});
afterAll(() => t.close());

describe('proven skills', () => {
  it('counts only credentials that count now: not revoked, suspended or expired', async () => {
    expect(urisOf(await provenSkillsOf(t.ctx, learner.accountId))).toEqual(
      [esco.skill.sql.uri, esco.skill.databases.uri].sort(),
    );
    clock.now = new Date(clock.now.getTime() + 2 * 86_400_000);
    const later = await provenSkillsOf(t.ctx, learner.accountId);
    expect(urisOf(later)).toEqual([esco.skill.sql.uri]);
    expect(later[0]!.evidence[0]).toMatchObject({
      issuedCredentialId: credentialOf.sql,
      achievementName: 'SQL',
      issuerName: expect.stringContaining('Organization'),
    });
    expect(later[0]!.source).toBe('credential');
  });

  /** Claims Python for `credential`, imports it, and expects neither a valid entry nor the skill. */
  async function expectImportNotCounted(credential: { credentialSubject: unknown }) {
    const subject = credential.credentialSubject as { achievement: Record<string, unknown> };
    subject.achievement.alignment = [
      { type: ['Alignment'], targetName: 'Python', targetUrl: esco.skill.python.uri },
    ];
    const entry = await addToWallet(t.ctx, t.ctx.verifyCredential, learner.accountId, {
      content: JSON.stringify(credential),
      receivedAs: 'json',
      source: 'imported',
    });
    expect(entry.status).not.toBe('valid');
    expect(urisOf(await provenSkillsOf(t.ctx, learner.accountId))).not.toContain(
      esco.skill.python.uri,
    );
  }

  it('never counts an unsigned import claiming a skill', async () => {
    await expectImportNotCounted(unsignedBadge('https://self.example/issuer'));
  });

  it('never counts a tampered import', async () => {
    const issued = await findIssuedCredential(t.ctx.db, credentialOf.python!);
    const tampered = JSON.parse(issued!.signed);
    tampered.credentialSubject.achievement.name = 'Forged';
    await expectImportNotCounted(tampered);
  });

  it('maps a competency of another framework to ESCO through an exact match', async () => {
    const organizationId = await organizationIdOf(t, issuer.slug);
    const local = await insertFramework(t, {
      organizationId,
      statements: ['Relational databases'],
    });
    const item = local.competencies[0]!;
    await t.ctx.db.insert(competencyAssociations).values({
      id: randomUUID(),
      frameworkId: local.frameworkId,
      identifier: randomUUID(),
      associationType: 'exactMatchOf',
      originId: item.id,
      originUri: item.uri,
      destinationId: esco.skill.postgres.id,
      destinationUri: esco.skill.postgres.uri,
    });
    const achievement = await createAlignedAchievement(
      t,
      issuer,
      'Relational',
      [{ uri: item.uri }],
      5,
    );
    await award(achievement, peer);
    const skills = await provenSkillsOf(t.ctx, peer.accountId);
    expect(urisOf(skills)).toEqual([esco.skill.sql.uri, esco.skill.postgres.uri, item.uri].sort());
    expect(skills.find((s) => s.uri === esco.skill.postgres.uri)!.label).toBe('PostgreSQL');
  });

  it('counts in-progress mastery only when the learner allows it', async () => {
    const organizationId = await organizationIdOf(t, issuer.slug);
    const assessmentId = randomUUID();
    await t.ctx.db.insert(assessments).values({
      id: assessmentId,
      organizationId,
      kind: 'quiz',
      title: 'Cloud quiz',
      instructions: 'Answer',
    });
    await t.ctx.db.insert(competencyEvidence).values({
      id: randomUUID(),
      learnerId: learner.accountId,
      competencyId: esco.skill.cloud.id,
      assessmentId,
      sourceKind: 'quiz-attempt',
      sourceId: randomUUID(),
      score: 0.95,
      observedAt: clock.now,
    });
    expect(urisOf(await provenSkillsOf(t.ctx, learner.accountId))).not.toContain(
      esco.skill.cloud.uri,
    );
    const me = { cookie: learner.cookie, headers: sameOrigin };
    const initial = await t.request('GET', '/api/v1/learners/me/goal-settings', me);
    expect(initial.json).toEqual({ countInProgressMastery: false });
    const set = await t.request('PUT', '/api/v1/learners/me/goal-settings', {
      ...me,
      json: { countInProgressMastery: true },
    });
    expect(set.status, set.text).toBe(200);
    const skills = await provenSkillsOf(t.ctx, learner.accountId);
    expect(skills.find((s) => s.uri === esco.skill.cloud.uri)).toMatchObject({
      source: 'in-progress',
      evidence: [],
    });
    const bad = await t.request('PUT', '/api/v1/learners/me/goal-settings', {
      ...me,
      json: { countInProgressMastery: 'yes' },
    });
    expect(bad.status).toBe(400);
  });

  it('answers for many learners at once', async () => {
    const many = await provenSkillsOfMany(t.ctx, [learner.accountId, peer.accountId, randomUUID()]);
    expect(urisOf(many.get(peer.accountId)!)).toContain(esco.skill.sql.uri);
    expect(urisOf(many.get(learner.accountId)!)).toContain(esco.skill.cloud.uri);
    expect(many.size).toBe(3);
  });
});
