/**
 * OIDC third-party initiated login (LTI Security Framework §5.1.1): the platform sends the user
 * here, we remember a state and a nonce server-side and send the user to the platform's
 * authorization endpoint, which posts the signed id_token back to `/lti/launch`.
 */
import { randomBytes } from 'node:crypto';
import { findLtiPlatformsByIssuer, insertLtiLoginState } from '../../db/repositories/lti.ts';
import { LtiLaunchError } from '../../domain/lti/claims.ts';
import type { ServiceContext } from '../context.ts';

export type LoginInitiation = {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
};

/** How long a login may take between our redirect and the platform's post back. */
const loginLifetimeMs = 10 * 60_000;

/** Returns the URL of the platform's authorization endpoint to redirect the browser to. */
export async function initiateLtiLogin(
  ctx: ServiceContext,
  params: LoginInitiation,
): Promise<string> {
  const missing = (['iss', 'login_hint', 'target_link_uri'] as const).filter((p) => !params[p]);
  if (missing.length > 0)
    throw new LtiLaunchError(`The login request lacks ${missing.join(', ')}.`);
  const target = new URL(params.target_link_uri!, ctx.publicUrl);
  if (target.origin !== new URL(ctx.publicUrl).origin || target.pathname !== '/lti/launch')
    throw new LtiLaunchError(
      `target_link_uri must be ${ctx.publicUrl}/lti/launch; the platform sent ${params.target_link_uri}.`,
    );
  const platforms = await findLtiPlatformsByIssuer(ctx.db, params.iss!, params.client_id);
  if (platforms.length === 0)
    throw new LtiLaunchError(
      `The LMS ${params.iss}${params.client_id ? ` (client_id ${params.client_id})` : ''} is not registered with Skillmark; an organization owner registers it under Integrations.`,
    );
  if (platforms.length > 1)
    throw new LtiLaunchError(
      `Several registrations share the issuer ${params.iss}; the LMS must send client_id.`,
    );
  const platform = platforms[0]!;
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id))
    throw new LtiLaunchError(
      `Deployment "${params.lti_deployment_id}" is not registered for this platform; ask the Skillmark organization owner to add it.`,
    );
  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  await insertLtiLoginState(ctx.db, {
    state,
    nonce,
    platformId: platform.id,
    targetLinkUri: target.href,
    expiresAt: new Date(ctx.now().getTime() + loginLifetimeMs),
  });
  const redirect = new URL(platform.authLoginUrl);
  const query: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: target.href,
    login_hint: params.login_hint,
    lti_message_hint: params.lti_message_hint,
    state,
    nonce,
  };
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) redirect.searchParams.set(name, value);
  return redirect.href;
}
