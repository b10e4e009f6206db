import { z } from 'zod';
import { OAuthError } from './errors.ts';
import { redirectUriProblem } from './redirect-uri.ts';
import { allOb3Scopes, formatScope, parseScope, scopesOutside } from './scopes.ts';

/**
 * RFC 7591 §2 client metadata, as the OB 3.0 API profiles it ("Dynamic client registration"):
 * the client names itself and its home page (both shown on the consent page), lists its
 * redirect URIs and asks for OB 3.0 scopes. Unknown metadata is ignored, as §2 requires.
 */
const httpsUrl = z
  .string()
  .url()
  .refine(
    (value) =>
      value.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(value),
    {
      message: 'must be an https URL',
    },
  );

export const tokenEndpointAuthMethods = [
  'client_secret_basic',
  'client_secret_post',
  'none',
] as const;
export type TokenEndpointAuthMethod = (typeof tokenEndpointAuthMethods)[number];

const registrationSchema = z.object({
  client_name: z.string().trim().min(1).max(200),
  client_uri: httpsUrl,
  redirect_uris: z.array(z.string()).min(1).max(20),
  logo_uri: httpsUrl.optional(),
  tos_uri: httpsUrl.optional(),
  policy_uri: httpsUrl.optional(),
  software_id: z.string().max(200).optional(),
  software_version: z.string().max(100).optional(),
  scope: z.string().max(1000).optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  token_endpoint_auth_method: z.enum(tokenEndpointAuthMethods).optional(),
  contacts: z.array(z.string().max(320)).max(10).optional(),
});

export type ClientMetadata = {
  clientName: string;
  clientUri: string;
  redirectUris: string[];
  logoUri?: string;
  tosUri?: string;
  policyUri?: string;
  softwareId?: string;
  softwareVersion?: string;
  /** Space-separated, only OB 3.0 scopes. */
  scope: string;
  grantTypes: string[];
  responseTypes: string[];
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  contacts: string[];
};

const supportedGrantTypes = ['authorization_code', 'refresh_token'];

/** Validates a registration request; throws the RFC 7591 §3.2.2 error naming what is wrong. */
export function parseClientMetadata(body: unknown): ClientMetadata {
  const parsed = registrationSchema.safeParse(body);
  if (!parsed.success) {
    const summary = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'} ${issue.message}`)
      .join('; ');
    throw new OAuthError('invalid_client_metadata', `Check these fields: ${summary}.`);
  }
  const m = parsed.data;
  for (const uri of m.redirect_uris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new OAuthError('invalid_redirect_uri', problem);
  }
  const scopes = m.scope === undefined ? [...allOb3Scopes] : parseScope(m.scope);
  const unknownScopes = scopesOutside(scopes, allOb3Scopes);
  if (unknownScopes.length > 0 || scopes.length === 0)
    throw new OAuthError(
      'invalid_client_metadata',
      `scope may only hold Open Badges 3.0 scopes (${allOb3Scopes.join(', ')}); not ${unknownScopes.join(', ') || 'empty'}.`,
    );
  const grantTypes = m.grant_types ?? ['authorization_code'];
  const unsupported = grantTypes.filter((g) => !supportedGrantTypes.includes(g));
  if (unsupported.length > 0 || !grantTypes.includes('authorization_code'))
    throw new OAuthError(
      'invalid_client_metadata',
      `grant_types must include "authorization_code" and may add "refresh_token"; ${unsupported.join(', ') || 'authorization_code is missing'}.`,
    );
  const responseTypes = m.response_types ?? ['code'];
  if (responseTypes.some((r) => r !== 'code'))
    throw new OAuthError('invalid_client_metadata', 'response_types may only be ["code"].');
  return {
    clientName: m.client_name,
    clientUri: m.client_uri,
    redirectUris: [...new Set(m.redirect_uris)],
    logoUri: m.logo_uri,
    tosUri: m.tos_uri,
    policyUri: m.policy_uri,
    softwareId: m.software_id,
    softwareVersion: m.software_version,
    scope: formatScope(scopes),
    grantTypes: [...new Set(grantTypes)],
    responseTypes: ['code'],
    tokenEndpointAuthMethod: m.token_endpoint_auth_method ?? 'client_secret_basic',
    contacts: m.contacts ?? [],
  };
}
