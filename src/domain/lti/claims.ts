/**
 * LTI 1.3 launch claims (IMS LTI Core 1.3 §5, Deep Linking 2.0 §4.4, AGS 2.0 §3.1) and their
 * checks. Pure: the signature is checked before, by the service, against the platform's JWKS.
 */

const lti = 'https://purl.imsglobal.org/spec/lti/claim';
export const ltiClaims = {
  messageType: `${lti}/message_type`,
  version: `${lti}/version`,
  deploymentId: `${lti}/deployment_id`,
  targetLinkUri: `${lti}/target_link_uri`,
  resourceLink: `${lti}/resource_link`,
  roles: `${lti}/roles`,
  context: `${lti}/context`,
  custom: `${lti}/custom`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  deepLinkingContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
} as const;

export const agsScopes = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  resultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
} as const;

export const ltiMessageTypes = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type LtiMessageType = (typeof ltiMessageTypes)[number];

/** A launch refused, with the reason shown to the person who launched and logged for the admin. */
export class LtiLaunchError extends Error {
  readonly status: 400 | 401;
  constructor(message: string, status: 400 | 401 = 400) {
    super(message);
    this.name = 'LtiLaunchError';
    this.status = status;
  }
}

export type ExpectedLaunch = {
  issuer: string;
  clientId: string;
  deploymentIds: readonly string[];
  nonce: string;
  now: Date;
  /** Accepted clock difference with the platform, in seconds. */
  leewaySeconds?: number;
};

export type VerifiedLaunch = {
  messageType: LtiMessageType;
  subject: string;
  deploymentId: string;
  email: string | null;
  name: string | null;
  roles: string[];
  resourceLinkId: string | null;
  custom: Record<string, string>;
  lineItemUrl: string | null;
  deepLinkReturnUrl: string | null;
  deepLinkData: string | null;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks every claim LTI Core §5.1.2 and the security framework §5.1.3 require of an id_token. */
export function validateLaunchClaims(
  payload: Record<string, unknown>,
  expected: ExpectedLaunch,
): VerifiedLaunch {
  const leeway = expected.leewaySeconds ?? 60;
  const nowSeconds = Math.floor(expected.now.getTime() / 1000);
  if (payload.iss !== expected.issuer)
    throw new LtiLaunchError(
      `The id_token issuer "${String(payload.iss)}" is not the platform's.`,
      401,
    );
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(expected.clientId))
    throw new LtiLaunchError(
      `The id_token is meant for another tool: its audience does not include client_id "${expected.clientId}".`,
      401,
    );
  // Security Framework §5.1.3 step 4–5: several audiences require azp, which must be our client.
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== expected.clientId)
    throw new LtiLaunchError('The id_token azp (authorized party) is not this tool.', 401);
  if (typeof payload.exp !== 'number' || payload.exp + leeway < nowSeconds)
    throw new LtiLaunchError('The id_token has expired; launch again from the course.', 401);
  if (typeof payload.iat !== 'number' || payload.iat - leeway > nowSeconds)
    throw new LtiLaunchError(
      'The id_token was issued in the future; check the platform clock.',
      401,
    );
  if (payload.nonce !== expected.nonce)
    throw new LtiLaunchError('The id_token nonce does not match this login.', 401);
  const messageType = payload[ltiClaims.messageType];
  if (!ltiMessageTypes.includes(messageType as LtiMessageType))
    throw new LtiLaunchError(
      `Unsupported LTI message type "${String(messageType)}"; expected ${ltiMessageTypes.join(' or ')}.`,
    );
  if (payload[ltiClaims.version] !== '1.3.0')
    throw new LtiLaunchError(`Unsupported LTI version "${String(payload[ltiClaims.version])}".`);
  const deploymentId = payload[ltiClaims.deploymentId];
  if (typeof deploymentId !== 'string' || !expected.deploymentIds.includes(deploymentId))
    throw new LtiLaunchError(
      `Deployment "${String(deploymentId)}" is not registered for this platform; ask the Skillmark organization owner to add it.`,
    );
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '')
    throw new LtiLaunchError('The launch has no user (sub); anonymous launches are not supported.');
  const roles = Array.isArray(payload[ltiClaims.roles])
    ? (payload[ltiClaims.roles] as unknown[]).filter((r): r is string => typeof r === 'string')
    : [];
  const resourceLink = payload[ltiClaims.resourceLink];
  const resourceLinkId =
    isRecord(resourceLink) && typeof resourceLink.id === 'string' ? resourceLink.id : null;
  if (messageType === 'LtiResourceLinkRequest' && !resourceLinkId)
    throw new LtiLaunchError(
      'A resource link launch must name its resource link (resource_link.id).',
    );
  const settings = payload[ltiClaims.deepLinkingSettings];
  const deepLinkReturnUrl =
    isRecord(settings) && typeof settings.deep_link_return_url === 'string'
      ? settings.deep_link_return_url
      : null;
  if (messageType === 'LtiDeepLinkingRequest' && !deepLinkReturnUrl)
    throw new LtiLaunchError('A deep linking request must carry deep_link_return_url.');
  const custom = isRecord(payload[ltiClaims.custom])
    ? Object.fromEntries(
        Object.entries(payload[ltiClaims.custom] as Record<string, unknown>).map(([k, v]) => [
          k,
          String(v),
        ]),
      )
    : {};
  const ags = payload[ltiClaims.ags];
  return {
    messageType: messageType as LtiMessageType,
    subject,
    deploymentId,
    email: typeof payload.email === 'string' ? payload.email : null,
    name: typeof payload.name === 'string' ? payload.name : null,
    roles,
    resourceLinkId,
    custom,
    lineItemUrl: isRecord(ags) && typeof ags.lineitem === 'string' ? ags.lineitem : null,
    deepLinkReturnUrl,
    deepLinkData: isRecord(settings) && typeof settings.data === 'string' ? settings.data : null,
  };
}

/** Instructors and administrators of the context may place Skillmark achievements (LIS roles). */
export function mayPlaceContent(roles: readonly string[]): boolean {
  return roles.some((role) =>
    [
      'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
      'http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper',
      'http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator',
      'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
    ].includes(role),
  );
}

/** Whether a score earns the achievement: a fraction of the maximum at or above the threshold. */
export function scoreMeetsThreshold(
  score: number | undefined,
  maximum: number | undefined,
  threshold: number,
): boolean {
  if (typeof score !== 'number' || !Number.isFinite(score)) return false;
  const max = typeof maximum === 'number' && maximum > 0 ? maximum : 1;
  return score / max >= threshold;
}
