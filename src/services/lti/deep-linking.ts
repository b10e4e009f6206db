/**
 * Deep Linking 2.0: an instructor launched us to pick content; we answer with a signed
 * LtiDeepLinkingResponse (§4.5) holding one ltiResourceLink whose custom parameters name the
 * achievement and the score threshold, and a line item so the LMS gradebook has a column.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { findAchievement, listActiveAchievements } from '../../db/repositories/achievements.ts';
import { findLtiPlatformById } from '../../db/repositories/lti.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { ltiClaims, mayPlaceContent, type VerifiedLaunch } from '../../domain/lti/claims.ts';
import type { ServiceContext } from '../context.ts';
import { liveLaunch } from './linking.ts';
import { toolSigningKey } from './tool-keys.ts';

async function deepLinkingLaunch(ctx: ServiceContext, launchId: string) {
  const row = await liveLaunch(ctx, launchId);
  const launch = row.claims as unknown as VerifiedLaunch;
  if (row.messageType !== 'LtiDeepLinkingRequest')
    throw new ForbiddenError('This launch was not a request to pick content.');
  if (!mayPlaceContent(launch.roles))
    throw new ForbiddenError('Only instructors of the course can place Skillmark achievements.');
  const platform = await findLtiPlatformById(ctx.db, row.platformId);
  if (!platform) throw new NotFoundError('The LMS registration was removed.');
  return { launch, platform };
}

/** The achievements the instructor may choose from: the platform's organization's own. */
export async function achievementsToPlace(ctx: ServiceContext, launchId: string) {
  const { platform } = await deepLinkingLaunch(ctx, launchId);
  return (await listActiveAchievements(ctx.db, platform.organizationId)).map((a) => ({
    id: a.id,
    name: a.name,
  }));
}

export type DeepLinkingResponse = { returnUrl: string; jwt: string; achievementName: string };

export async function respondToDeepLinking(
  ctx: ServiceContext,
  launchId: string,
  choice: { achievementId: string; thresholdPercent: number },
): Promise<DeepLinkingResponse> {
  const { launch, platform } = await deepLinkingLaunch(ctx, launchId);
  if (!(choice.thresholdPercent >= 0 && choice.thresholdPercent <= 100))
    throw new ValidationError('The passing score must be between 0 and 100 percent.', [
      { field: 'thresholdPercent', message: 'must be between 0 and 100' },
    ]);
  const achievement = /^[0-9a-f-]{36}$/i.test(choice.achievementId)
    ? await findAchievement(ctx.db, choice.achievementId)
    : undefined;
  if (
    !achievement ||
    achievement.organizationId !== platform.organizationId ||
    achievement.archivedAt
  )
    throw new NotFoundError('No such achievement in this organization.');
  const key = await toolSigningKey(ctx);
  const now = Math.floor(ctx.now().getTime() / 1000);
  const contentItem = {
    type: 'ltiResourceLink',
    title: achievement.name,
    text: `Earn the ${achievement.name} credential with a score of at least ${choice.thresholdPercent}%.`,
    url: `${ctx.publicUrl}/lti/launch`,
    custom: {
      skillmark_achievement: achievement.id,
      skillmark_threshold: String(choice.thresholdPercent / 100),
    },
    lineItem: { scoreMaximum: 100, label: achievement.name, resourceId: achievement.id },
  };
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString('base64url'),
    [ltiClaims.messageType]: 'LtiDeepLinkingResponse',
    [ltiClaims.version]: '1.3.0',
    [ltiClaims.deploymentId]: launch.deploymentId,
    [ltiClaims.deepLinkingContentItems]: [contentItem],
    ...(launch.deepLinkData ? { [ltiClaims.deepLinkingData]: launch.deepLinkData } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(key.privateKey);
  return { returnUrl: launch.deepLinkReturnUrl!, jwt, achievementName: achievement.name };
}
