import { describe, expect, it } from 'vitest';
import {
  type Actor,
  authorize,
  can,
  type OrganizationAction,
  type OrganizationRole,
  rolesGrantableBy,
} from './policy.ts';

const orgA = 'org-a';
const orgB = 'org-b';
const member = (role: OrganizationRole): Actor => ({
  kind: 'account',
  accountId: 'p1',
  isAdmin: false,
  memberships: new Map([[orgA, role]]),
});

const expected: Record<OrganizationRole, OrganizationAction[]> = {
  owner: [
    'organization:read',
    'organization:update',
    'organization:manage-members',
    'organization:manage-tokens',
    'organization:manage-integrations',
    'organization:read-audit',
    'achievement:manage',
    'credential:issue',
    'credential:revoke',
    'credential:bulk-award',
    'submission:review',
    'talent:search',
    'analytics:read',
  ],
  issuer: [
    'organization:read',
    'achievement:manage',
    'credential:issue',
    'credential:revoke',
    'credential:bulk-award',
    'submission:review',
    'talent:search',
    'analytics:read',
  ],
  assessor: ['organization:read', 'submission:review'],
  viewer: ['organization:read', 'talent:search'],
};
const allActions = expected.owner;

describe('policy', () => {
  for (const role of Object.keys(expected) as OrganizationRole[]) {
    it(`${role}: allowed exactly ${expected[role].length} organization actions, and none in another organization`, () => {
      for (const action of allActions) {
        expect(can(member(role), { action, organizationId: orgA }), `${role} ${action}`).toBe(
          expected[role].includes(action),
        );
        expect(
          can(member(role), { action, organizationId: orgB }),
          `${role} ${action} elsewhere`,
        ).toBe(false);
      }
      const token: Actor = { kind: 'api-token', tokenId: 't', organizationId: orgA, role };
      for (const action of allActions) {
        expect(can(token, { action, organizationId: orgA })).toBe(expected[role].includes(action));
        expect(can(token, { action, organizationId: orgB })).toBe(false);
      }
    });
  }

  it('a viewer cannot issue credentials', () => {
    expect(can(member('viewer'), { action: 'credential:issue', organizationId: orgA })).toBe(false);
  });

  it('learners (no role) may read and update only their own account', () => {
    const learner: Actor = {
      kind: 'account',
      accountId: 'me',
      isAdmin: false,
      memberships: new Map(),
    };
    expect(can(learner, { action: 'account:read', accountId: 'me' })).toBe(true);
    expect(can(learner, { action: 'account:read', accountId: 'someone-else' })).toBe(false);
    expect(can(learner, { action: 'organization:read', organizationId: orgA })).toBe(false);
    expect(can(learner, { action: 'organization:create' })).toBe(true);
    expect(can(learner, { action: 'platform:administer' })).toBe(false);
  });

  it('API tokens cannot found organizations or read accounts', () => {
    const token: Actor = { kind: 'api-token', tokenId: 't', organizationId: orgA, role: 'owner' };
    expect(can(token, { action: 'organization:create' })).toBe(false);
    expect(can(token, { action: 'account:read', accountId: 'x' })).toBe(false);
  });

  it('platform admins (account flag or operator token) may do everything', () => {
    const admin: Actor = {
      kind: 'account',
      accountId: 'root',
      isAdmin: true,
      memberships: new Map(),
    };
    for (const actor of [admin, { kind: 'admin-token' } as const]) {
      expect(can(actor, { action: 'organization:manage-tokens', organizationId: orgB })).toBe(true);
      expect(can(actor, { action: 'platform:administer' })).toBe(true);
      expect(can(actor, { action: 'account:read', accountId: 'anyone' })).toBe(true);
    }
  });

  it('authorize: 401 for anonymous, 403 with the given reason for others', () => {
    expect(() =>
      authorize({ kind: 'anonymous' }, { action: 'organization:read', organizationId: orgA }, 'no'),
    ).toThrow(expect.objectContaining({ code: 'not_authenticated' }));
    expect(() =>
      authorize(
        member('viewer'),
        { action: 'credential:issue', organizationId: orgA },
        'Viewers cannot issue.',
      ),
    ).toThrow(expect.objectContaining({ code: 'forbidden', message: 'Viewers cannot issue.' }));
  });

  it('only owners and admins grant roles', () => {
    expect(rolesGrantableBy(member('owner'), orgA)).toContain('owner');
    expect(rolesGrantableBy(member('issuer'), orgA)).toEqual([]);
    expect(rolesGrantableBy(member('owner'), orgB)).toEqual([]);
  });
});
