import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  findOAuthClient,
  insertOAuthClient,
  type OAuthClientRow,
} from '../../db/repositories/oauth-clients.ts';
import { OAuthError } from '../../domain/oauth/errors.ts';
import { parseClientMetadata } from '../../domain/oauth/registration.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { hashSecret, newOAuthSecret } from './secrets.ts';

/** A registered client as the consent page shows it (its secret hash is never rendered). */
export type OAuthClient = OAuthClientRow;

/** RFC 7591 §3.2.1 client information response (the secret appears here once only). */
export type ClientInformation = {
  client_id: string;
  client_secret?: string;
  client_id_issued_at: number;
  client_secret_expires_at?: 0;
  client_name: string;
  client_uri: string;
  redirect_uris: string[];
  logo_uri?: string;
  tos_uri?: string;
  policy_uri?: string;
  software_id?: string;
  software_version?: string;
  scope: string;
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: string;
  contacts?: string[];
};

/**
 * Open dynamic registration (RFC 7591 §3): anyone may register, as the OB 3.0 API expects of a
 * host; what protects learners is that nothing happens until a learner approves the client on
 * the consent page, which shows its name and addresses.
 */
export async function registerClient(
  ctx: ServiceContext,
  body: unknown,
): Promise<ClientInformation> {
  const metadata = parseClientMetadata(body);
  const clientId = randomBytes(16).toString('base64url');
  const secret =
    metadata.tokenEndpointAuthMethod === 'none' ? undefined : newOAuthSecret('client_secret');
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertOAuthClient(tx, {
      id: clientId,
      secretHash: secret?.hash ?? null,
      clientName: metadata.clientName,
      clientUri: metadata.clientUri,
      logoUri: metadata.logoUri ?? null,
      tosUri: metadata.tosUri ?? null,
      policyUri: metadata.policyUri ?? null,
      softwareId: metadata.softwareId ?? null,
      softwareVersion: metadata.softwareVersion ?? null,
      redirectUris: metadata.redirectUris,
      scope: metadata.scope,
      tokenEndpointAuthMethod: metadata.tokenEndpointAuthMethod,
      contacts: metadata.contacts,
      grantTypes: metadata.grantTypes,
      createdAt: now,
    });
    await recordAudit(tx, 'anonymous', 'oauth.client-registered', {
      target: clientId,
      detail: { clientName: metadata.clientName, clientUri: metadata.clientUri },
    });
    return inserted;
  });
  return {
    client_id: row.id,
    ...(secret ? { client_secret: secret.secret, client_secret_expires_at: 0 as const } : {}),
    client_id_issued_at: Math.floor(now.getTime() / 1000),
    client_name: row.clientName,
    client_uri: row.clientUri,
    redirect_uris: row.redirectUris,
    ...(row.logoUri ? { logo_uri: row.logoUri } : {}),
    ...(row.tosUri ? { tos_uri: row.tosUri } : {}),
    ...(row.policyUri ? { policy_uri: row.policyUri } : {}),
    ...(row.softwareId ? { software_id: row.softwareId } : {}),
    ...(row.softwareVersion ? { software_version: row.softwareVersion } : {}),
    scope: row.scope,
    grant_types: row.grantTypes,
    response_types: metadata.responseTypes,
    token_endpoint_auth_method: row.tokenEndpointAuthMethod,
    ...(row.contacts.length > 0 ? { contacts: row.contacts } : {}),
  };
}

export type ClientCredentials = {
  /** The Authorization header, for client_secret_basic. */
  authorization?: string;
  /** Form fields, for client_secret_post and public clients. */
  clientId?: string;
  clientSecret?: string;
};

/**
 * RFC 6749 §2.3: a confidential client proves itself with its secret (HTTP Basic, or in the
 * body if it registered client_secret_post); a public client only names itself and relies on
 * PKCE. Every failure is the same invalid_client, so the endpoint reveals nothing.
 */
export async function authenticateClient(
  ctx: ServiceContext,
  credentials: ClientCredentials,
): Promise<OAuthClientRow> {
  const basic = parseBasic(credentials.authorization);
  const clientId = basic?.clientId ?? credentials.clientId;
  const secret = basic?.secret ?? credentials.clientSecret;
  if (!clientId) throw new OAuthError('invalid_client', 'Authenticate the client (client_id).');
  const client = await findOAuthClient(ctx.db, clientId);
  const refused = new OAuthError('invalid_client', 'The client could not be authenticated.');
  if (!client) throw refused;
  if (client.secretHash === null) {
    if (secret !== undefined) throw refused;
    return client;
  }
  if (secret === undefined) throw refused;
  if (client.tokenEndpointAuthMethod === 'client_secret_basic' && !basic) throw refused;
  if (client.tokenEndpointAuthMethod === 'client_secret_post' && basic) throw refused;
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(given, Buffer.from(client.secretHash, 'hex'))) throw refused;
  return client;
}

/** RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined with ":". */
function parseBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  const encoded = header && /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  try {
    return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export async function getClient(ctx: ServiceContext, clientId: string) {
  return findOAuthClient(ctx.db, clientId);
}
