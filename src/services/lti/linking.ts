import type { Db } from '../../db/client.ts';
import {
  findAccountIdByVerifiedEmail,
  findLiveLtiLaunch,
  findLtiUserLink,
  insertLtiUserLink,
} from '../../db/repositories/lti.ts';
import { normalizeEmail } from '../../domain/accounts.ts';
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
} from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The learner whose verified Skillmark address equals the LMS's email claim. The platform
 * vouches for its claim (it signed it) and Skillmark for its address, so the link is safe.
 */
export async function accountWithVerifiedEmail(db: Db, email: string): Promise<string | undefined> {
  return findAccountIdByVerifiedEmail(db, normalizeEmail(email));
}

/** The launch behind a link confirmation page, if still live. */
export async function liveLaunch(ctx: ServiceContext, launchId: string) {
  const launch = await findLiveLtiLaunch(ctx.db, launchId, ctx.now());
  if (!launch)
    throw new NotFoundError('This LMS launch has expired; open Skillmark from the course again.');
  return launch;
}

/**
 * Links the LMS user of a launch to the signed-in learner, who confirms it on a Skillmark page
 * (the launch id is the capability, valid for an hour). An LMS user links to one learner only.
 */
export async function linkLaunchToAccount(
  ctx: ServiceContext,
  actor: Actor,
  launchId: string,
): Promise<void> {
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  if (actor.kind !== 'account')
    throw new ForbiddenError('Only a signed-in learner can link their LMS account.');
  const launch = await liveLaunch(ctx, launchId);
  await ctx.db.transaction(async (tx) => {
    const existing = await findLtiUserLink(tx, launch.platformId, launch.subject);
    if (existing && existing.accountId !== actor.accountId)
      throw new ConflictError('This LMS user is already linked to another Skillmark account.');
    if (existing) return;
    await insertLtiUserLink(tx, {
      platformId: launch.platformId,
      subject: launch.subject,
      accountId: actor.accountId,
      linkedBy: 'learner-confirmed',
    });
    await recordAudit(tx, actor, 'lti-user.linked', { target: launch.platformId });
  });
}
