/**
 * The launch (LTI Core §5, Security Framework §5.1.3): state and nonce single use, the id_token's
 * signature checked against the platform's JWKS (fetched through the SSRF-checked outbound HTTP),
 * then every claim (domain/lti/claims.ts). The verified launch is kept for a short while under an
 * unguessable id, so the learner can link accounts and the instructor can pick an achievement.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { findAchievement } from '../../db/repositories/achievements.ts';
import {
  consumeLtiLoginState,
  findLtiLoginState,
  findLtiPlatformById,
  findLtiUserLink,
  insertLtiLaunch,
  insertLtiUserLink,
  type LtiPlatformRow,
  upsertLtiResourceLink,
} from '../../db/repositories/lti.ts';
import {
  LtiLaunchError,
  type VerifiedLaunch,
  validateLaunchClaims,
} from '../../domain/lti/claims.ts';
import type { ServiceContext } from '../context.ts';
import type { OutboundHttp } from '../outbound-http.ts';
import { accountWithVerifiedEmail } from './linking.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LtiContext = ServiceContext & { outboundHttp: OutboundHttp };

/** How long a verified launch stays usable for linking or picking. */
export const launchLifetimeMs = 60 * 60_000;

export type LaunchOutcome = {
  launchId: string;
  platform: LtiPlatformRow;
  launch: VerifiedLaunch;
  /** The Skillmark learner this LMS user is linked to, if any. */
  accountId: string | null;
  /** For resource links placed by deep linking: the achievement and the rule. */
  placement: { achievementId: string; achievementName: string; threshold: number } | null;
};

async function platformKeys(ctx: LtiContext, platform: LtiPlatformRow) {
  let response: Awaited<ReturnType<OutboundHttp>>;
  try {
    response = await ctx.outboundHttp({
      method: 'GET',
      url: platform.jwksUrl,
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    throw new LtiLaunchError(
      `The platform's keys (${platform.jwksUrl}) could not be fetched: ${(error as Error).message}.`,
    );
  }
  if (response.status !== 200)
    throw new LtiLaunchError(
      `The platform's keys (${platform.jwksUrl}) answered HTTP ${response.status}.`,
    );
  try {
    return createLocalJWKSet(JSON.parse(response.text) as JSONWebKeySet);
  } catch {
    throw new LtiLaunchError(`The platform's keys (${platform.jwksUrl}) are not a JWKS.`);
  }
}

export async function handleLtiLaunch(
  ctx: LtiContext,
  form: { id_token?: string; state?: string; error?: string; error_description?: string },
): Promise<LaunchOutcome> {
  if (form.error)
    throw new LtiLaunchError(
      `The LMS refused the login: ${form.error}${form.error_description ? ` (${form.error_description})` : ''}.`,
    );
  if (!form.id_token || !form.state)
    throw new LtiLaunchError('The launch lacks id_token or state; start it again from the course.');
  const now = ctx.now();
  const login = await findLtiLoginState(ctx.db, form.state);
  if (!login)
    throw new LtiLaunchError(
      'Unknown state: this launch was not started here. Launch again from the course.',
      401,
    );
  if (login.expiresAt <= now)
    throw new LtiLaunchError(
      'The login took too long and expired; launch again from the course.',
      401,
    );
  const platform = await findLtiPlatformById(ctx.db, login.platformId);
  if (!platform) throw new LtiLaunchError('The LMS registration was removed.', 401);

  let payload: Record<string, unknown>;
  try {
    if (decodeProtectedHeader(form.id_token).alg !== 'RS256') throw new Error('alg');
    const verified = await compactVerify(form.id_token, await platformKeys(ctx, platform), {
      algorithms: ['RS256'],
    });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof LtiLaunchError) throw error;
    throw new LtiLaunchError(
      "The id_token signature does not verify with the platform's published keys.",
      401,
    );
  }
  const launch = validateLaunchClaims(payload, {
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: platform.deploymentIds,
    nonce: login.nonce,
    now,
  });
  // Only now, with a valid token, is the nonce spent: a replay of this token finds it used.
  if (!(await consumeLtiLoginState(ctx.db, form.state, now)))
    throw new LtiLaunchError(
      'This launch was already used (nonce replayed); launch again from the course.',
      401,
    );

  const launchId = randomBytes(32).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    await insertLtiLaunch(tx, {
      id: launchId,
      platformId: platform.id,
      subject: launch.subject,
      messageType: launch.messageType,
      claims: launch as unknown as Record<string, unknown>,
      expiresAt: new Date(now.getTime() + launchLifetimeMs),
    });
    let accountId = (await findLtiUserLink(tx, platform.id, launch.subject))?.accountId ?? null;
    if (!accountId && launch.email) {
      const account = await accountWithVerifiedEmail(tx, launch.email);
      if (account)
        accountId = (
          await insertLtiUserLink(tx, {
            platformId: platform.id,
            subject: launch.subject,
            accountId: account,
            linkedBy: 'verified-email',
          })
        ).accountId;
    }
    let placement: LaunchOutcome['placement'] = null;
    const achievementId = launch.custom.skillmark_achievement;
    if (launch.messageType === 'LtiResourceLinkRequest' && launch.resourceLinkId && achievementId) {
      const achievement = uuidPattern.test(achievementId)
        ? await findAchievement(tx, achievementId)
        : undefined;
      if (!achievement || achievement.organizationId !== platform.organizationId)
        throw new LtiLaunchError(
          'This course link names an achievement this organization does not offer.',
        );
      const threshold = Number(launch.custom.skillmark_threshold ?? '1');
      await upsertLtiResourceLink(tx, {
        id: randomUUID(),
        platformId: platform.id,
        resourceLinkId: launch.resourceLinkId,
        achievementId,
        scoreThreshold: String(Number.isFinite(threshold) ? threshold : 1),
        lineItemUrl: launch.lineItemUrl,
      });
      placement = { achievementId, achievementName: achievement.name, threshold };
    }
    return { launchId, platform, launch, accountId, placement };
  });
}
