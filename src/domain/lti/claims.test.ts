import { describe, expect, it } from 'vitest';
import { ltiClaims, scoreMeetsThreshold, validateLaunchClaims } from './claims.ts';

const now = new Date('2026-06-01T10:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const expected = {
  issuer: 'https://lms.example.edu',
  clientId: 'skillmark',
  deploymentIds: ['d1'],
  nonce: 'n-1',
  now,
};
const valid = () => ({
  iss: 'https://lms.example.edu',
  aud: 'skillmark',
  sub: 'user-1',
  exp: t + 300,
  iat: t,
  nonce: 'n-1',
  [ltiClaims.messageType]: 'LtiResourceLinkRequest',
  [ltiClaims.version]: '1.3.0',
  [ltiClaims.deploymentId]: 'd1',
  [ltiClaims.resourceLink]: { id: 'rl-1' },
});

describe('validateLaunchClaims', () => {
  it('accepts a complete resource link launch', () => {
    expect(validateLaunchClaims(valid(), expected)).toMatchObject({
      subject: 'user-1',
      resourceLinkId: 'rl-1',
    });
  });
  it.each([
    ['iss', { iss: 'https://evil.example' }, /issuer/],
    ['aud', { aud: 'other-tool' }, /another tool/],
    ['azp', { aud: ['skillmark', 'x'], azp: 'x' }, /azp/],
    ['exp', { exp: t - 3600 }, /expired/],
    ['iat', { iat: t + 3600 }, /future/],
    ['nonce', { nonce: 'other' }, /nonce/],
    ['type', { [ltiClaims.messageType]: 'LtiSubmissionReviewRequest' }, /message type/],
    ['version', { [ltiClaims.version]: '1.1' }, /version/],
    ['deployment', { [ltiClaims.deploymentId]: 'd9' }, /Deployment "d9"/],
    ['resource link', { [ltiClaims.resourceLink]: undefined }, /resource_link/],
  ])('refuses a wrong %s', (_name, change, message) => {
    expect(() => validateLaunchClaims({ ...valid(), ...change }, expected)).toThrow(message);
  });
});

describe('scoreMeetsThreshold', () => {
  it('compares the fraction of the maximum', () => {
    expect(scoreMeetsThreshold(80, 100, 0.8)).toBe(true);
    expect(scoreMeetsThreshold(79, 100, 0.8)).toBe(false);
    expect(scoreMeetsThreshold(undefined, 100, 0.5)).toBe(false);
  });
});
