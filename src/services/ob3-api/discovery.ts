import { allOb3Scopes, scopeDescriptions } from '../../domain/oauth/scopes.ts';

/**
 * The Service Description Document (OB 3.0 §"Service Discovery"): a profiled copy of the OB 3.0
 * OpenAPI file that tells a wallet or LMS where to register, authorize and get tokens. The
 * URLs are absolute, built from the public URL the operator configured.
 */
export function serviceDescription(publicUrl: string) {
  const base = publicUrl.replace(/\/$/, '');
  const scopes = Object.fromEntries(allOb3Scopes.map((scope) => [scope, scopeDescriptions[scope]]));
  return {
    openapi: '3.0.1',
    info: {
      title: 'Skillmark',
      description: 'Open Badges 3.0 API of this Skillmark server.',
      version: '3.0',
      termsOfService: `${base}/terms`,
      'x-imssf-privacyPolicyUrl': `${base}/privacy`,
    },
    servers: [{ url: `${base}/ims/ob/v3p0`, description: 'Open Badges 3.0 API' }],
    tags: [{ name: 'OpenBadgeCredentials' }, { name: 'Discovery' }],
    paths: {
      '/credentials': {
        get: operation('getCredentials', allOb3Scopes[0]!),
        post: operation('upsertCredential', allOb3Scopes[1]!),
      },
      '/profile': {
        get: operation('getProfile', allOb3Scopes[2]!),
        put: operation('putProfile', allOb3Scopes[3]!),
      },
      '/discovery': {
        get: {
          tags: ['Discovery'],
          operationId: 'getServiceDescription',
          responses: { '200': { description: 'This document.' } },
        },
      },
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description: 'OAuth 2.0 authorization code grant with PKCE (S256).',
          'x-imssf-registrationUrl': `${base}/oauth/register`,
          flows: {
            authorizationCode: {
              authorizationUrl: `${base}/oauth/authorize`,
              tokenUrl: `${base}/oauth/token`,
              refreshUrl: `${base}/oauth/token`,
              'x-imssf-revocationUrl': `${base}/oauth/revoke`,
              scopes,
            },
          },
        },
      },
    },
  };
}

function operation(operationId: string, scope: string) {
  return {
    tags: ['OpenBadgeCredentials'],
    operationId,
    responses: { default: { description: 'See the Open Badges 3.0 OpenAPI document.' } },
    security: [{ OAuth2ACG: [scope] }],
  };
}

/**
 * RFC 8414 authorization server metadata, for OAuth libraries that configure themselves from
 * `/.well-known/oauth-authorization-server` rather than from the OB 3.0 discovery document.
 */
export function authorizationServerMetadata(publicUrl: string) {
  const base = publicUrl.replace(/\/$/, '');
  return {
    issuer: base,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    registration_endpoint: `${base}/oauth/register`,
    revocation_endpoint: `${base}/oauth/revoke`,
    scopes_supported: [...allOb3Scopes],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: [
      'client_secret_basic',
      'client_secret_post',
      'none',
    ],
    code_challenge_methods_supported: ['S256'],
    service_documentation: `${base}/ims/ob/v3p0/discovery`,
    op_policy_uri: `${base}/privacy`,
    op_tos_uri: `${base}/terms`,
    authorization_response_iss_parameter_supported: true,
  };
}
