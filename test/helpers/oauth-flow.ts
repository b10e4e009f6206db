import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { ob3Scopes } from '../../src/domain/oauth/scopes.ts';
import type { TestApp } from './app.ts';
import type { TestPerson } from './factories.ts';

export const allScopes = Object.values(ob3Scopes).join(' ');
export const redirectUri = 'https://wallet.example/callback';

export type RegisteredClient = { clientId: string; clientSecret: string; basic: string };

/** Registers a confidential client through RFC 7591 dynamic registration. */
export async function registerClient(
  t: TestApp,
  metadata: Record<string, unknown> = {},
): Promise<RegisteredClient> {
  const response = await t.request('POST', '/oauth/register', {
    json: {
      client_name: 'Pocket Wallet',
      client_uri: 'https://wallet.example',
      logo_uri: 'https://wallet.example/logo.png',
      tos_uri: 'https://wallet.example/tos',
      policy_uri: 'https://wallet.example/privacy',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: allScopes,
      token_endpoint_auth_method: 'client_secret_basic',
      ...metadata,
    },
  });
  expect(response.status, response.text).toBe(201);
  const { client_id: clientId, client_secret: clientSecret } = response.json;
  return {
    clientId,
    clientSecret,
    basic: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
  };
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(
  client: { clientId: string },
  challenge: string,
  options: { scope?: string; state?: string; redirectUri?: string } = {},
): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: options.redirectUri ?? redirectUri,
    scope: options.scope ?? allScopes,
    state: options.state ?? 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `/oauth/authorize?${params.toString()}`;
}

const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1]!,
      m[2]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'"),
    ]),
  );

/** The learner opens the consent page and presses Allow (or Deny); returns where the app is sent. */
export async function consent(
  t: TestApp,
  learner: TestPerson,
  url: string,
  decision: 'approve' | 'deny' = 'approve',
): Promise<URL> {
  const page = await t.request('GET', url, { cookie: learner.cookie });
  expect(page.status, page.text).toBe(200);
  const form = new URLSearchParams({ ...hiddenFields(page.text), decision });
  const posted = await t.request('POST', '/oauth/authorize', {
    cookie: learner.cookie,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(posted.status, posted.text).toBe(200);
  const refresh = posted.headers.get('refresh');
  expect(refresh).toMatch(/^0; url=/);
  return new URL(refresh!.replace(/^0; url=/, ''));
}

export async function tokenRequest(
  t: TestApp,
  client: RegisteredClient,
  fields: Record<string, string>,
) {
  return t.request('POST', '/oauth/token', {
    headers: {
      authorization: client.basic,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The whole flow: authorize, consent, redeem the code with PKCE; returns the token response. */
export async function authorizeAndRedeem(
  t: TestApp,
  client: RegisteredClient,
  learner: TestPerson,
  scope = allScopes,
) {
  const pkce = pkcePair();
  const back = await consent(t, learner, authorizeUrl(client, pkce.challenge, { scope }));
  const code = back.searchParams.get('code')!;
  const tokens = await tokenRequest(t, client, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
  });
  expect(tokens.status, tokens.text).toBe(200);
  return tokens.json as {
    access_token: string;
    refresh_token: string;
    scope: string;
    expires_in: number;
  };
}
