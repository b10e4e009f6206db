import { findLtiPlatformById } from '../../db/repositories/lti.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { liveLaunch } from './linking.ts';

/** The platform a live launch came from (its name and origins shape the pages). */
export async function findPlatformOfLaunch(ctx: ServiceContext, launchId: string) {
  const launch = await liveLaunch(ctx, launchId);
  const platform = await findLtiPlatformById(ctx.db, launch.platformId);
  if (!platform) throw new NotFoundError('The LMS registration was removed.');
  return platform;
}
