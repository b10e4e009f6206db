/**
 * Assignment and Grade Services 2.0: Skillmark reads the results of the line item it created
 * (§3.2.7 result service) with an access token from the platform's token endpoint, obtained by
 * the client-credentials grant with a signed JWT assertion (Security Framework §4.1, RFC 7523).
 * Each LMS user whose score meets the link's threshold gets the achievement through the normal
 * awarding path, exactly once: the (resource link, user) primary key is taken under an advisory
 * lock in the awarding transaction.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { advisoryXactLock, primaryEmailOf } from '../../db/repositories/competency-evidence.ts';
import {
  findLtiAward,
  findLtiPlatformById,
  findLtiResourceLink,
  findLtiUserLink,
  insertLtiAward,
  type LtiPlatformRow,
} from '../../db/repositories/lti.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { agsScopes, scoreMeetsThreshold } from '../../domain/lti/claims.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { awardAchievement } from '../achievements.ts';
import { recordAudit } from '../audit.ts';
import { getOrganization } from '../organizations.ts';
import type { OutboundRequest } from '../outbound-http.ts';
import type { LtiContext } from './launch.ts';
import { toolSigningKey } from './tool-keys.ts';

const platformActor: Actor = { kind: 'admin-token' };

/** Fails the sync with a message the owner can act on (shown by the API and the job log). */
class PlatformCallError extends ConflictError {}

async function accessToken(ctx: LtiContext, platform: LtiPlatformRow, scope: string) {
  const key = await toolSigningKey(ctx);
  const now = Math.floor(ctx.now().getTime() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .setJti(randomBytes(16).toString('base64url'))
    .sign(key.privateKey);
  const response = await reach(ctx, 'token endpoint', {
    method: 'POST',
    url: platform.tokenUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope,
    }).toString(),
  });
  const body = safeJson(response.text) as { access_token?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.access_token !== 'string')
    throw new PlatformCallError(
      `The platform's token endpoint refused Skillmark (HTTP ${response.status}); check the client_id and that the LMS has Skillmark's JWKS URL.`,
    );
  return body.access_token;
}

/** Network failures and refused URLs become a problem the owner can act on, not a 500. */
async function reach(ctx: LtiContext, what: string, request: OutboundRequest) {
  try {
    return await ctx.outboundHttp(request);
  } catch (error) {
    throw new PlatformCallError(
      `Skillmark could not reach the platform's ${what}: ${(error as Error).message}.`,
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type AgsResult = { userId?: unknown; resultScore?: unknown; resultMaximum?: unknown };

async function readResults(ctx: LtiContext, lineItemUrl: string, token: string) {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/results`;
  const response = await reach(ctx, 'result service', {
    method: 'GET',
    url: url.href,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.ims.lis.v2.resultcontainer+json',
    },
  });
  const body = safeJson(response.text);
  if (response.status !== 200 || !Array.isArray(body))
    throw new PlatformCallError(`The platform's result service answered HTTP ${response.status}.`);
  return body as AgsResult[];
}

export type GradeSyncResult = {
  /** Issued credential ids, new in this run. */
  awarded: string[];
  /** LMS users who met the threshold but are not linked to a Skillmark learner yet. */
  unlinked: number;
};

export async function syncLtiGrades(
  ctx: LtiContext,
  resourceLinkId: string,
): Promise<GradeSyncResult> {
  const link = await findLtiResourceLink(ctx.db, resourceLinkId);
  if (!link) throw new NotFoundError('No such LTI resource link.');
  const platform = await findLtiPlatformById(ctx.db, link.platformId);
  if (!platform) throw new NotFoundError('The LMS registration was removed.');
  if (!link.lineItemUrl)
    throw new ConflictError(
      'The LMS did not grant a line item for this link (Assignment and Grade Services off); enable AGS for Skillmark in the LMS.',
    );
  const token = await accessToken(ctx, platform, agsScopes.resultReadonly);
  const results = await readResults(ctx, link.lineItemUrl, token);
  const threshold = Number(link.scoreThreshold);
  const outcome: GradeSyncResult = { awarded: [], unlinked: 0 };
  for (const result of results) {
    if (typeof result.userId !== 'string') continue;
    const score = result.resultScore as number | undefined;
    if (!scoreMeetsThreshold(score, result.resultMaximum as number | undefined, threshold))
      continue;
    const userLink = await findLtiUserLink(ctx.db, platform.id, result.userId);
    if (!userLink) {
      outcome.unlinked += 1;
      continue;
    }
    const subject = result.userId;
    const issued = await ctx.db.transaction(async (tx) => {
      await advisoryXactLock(tx, `lti-award:${link.id}:${subject}`);
      if (await findLtiAward(tx, link.id, subject)) return undefined;
      const email = await primaryEmailOf(tx, userLink.accountId);
      if (!email) return undefined;
      const credential = await awardAchievement(
        { ...ctx, db: tx },
        platformActor,
        link.achievementId,
        {
          recipient: { email },
          narrative: `Scored ${score} of ${result.resultMaximum ?? 1} in ${platform.name}.`,
        },
      );
      await insertLtiAward(tx, {
        resourceLinkId: link.id,
        subject,
        issuedCredentialId: credential.id,
        score: String(score),
      });
      await recordAudit(tx, platformActor, 'achievement.awarded-from-lms-grade', {
        organizationId: platform.organizationId,
        target: credential.id,
        detail: { platformId: platform.id, resourceLinkId: link.resourceLinkId, score },
      });
      return credential.id;
    });
    if (issued) outcome.awarded.push(issued);
  }
  return outcome;
}

/** The API's "check grades now": owners and issuers of the organization the LMS belongs to. */
export async function syncLtiGradesAs(
  ctx: LtiContext,
  actor: Actor,
  slug: string,
  resourceLinkId: string,
): Promise<GradeSyncResult> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'credential:issue', organizationId: organization.id },
    'Only owners and issuers award credentials from LMS grades.',
  );
  const link = await findLtiResourceLink(ctx.db, resourceLinkId);
  const platform = link && (await findLtiPlatformById(ctx.db, link.platformId));
  if (!platform || platform.organizationId !== organization.id)
    throw new NotFoundError('No LTI resource link with this id in this organization.');
  return syncLtiGrades(ctx, resourceLinkId);
}
