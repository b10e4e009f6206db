/**
 * A simulated LMS (an LTI 1.3 platform) inside the test suite: it has its own RSA keys, runs the
 * OIDC login against the real app, signs real id_tokens (resource link and deep linking
 * launches), serves its JWKS, a token endpoint that verifies the tool's client assertion against
 * the tool's published JWKS, and the AGS result service — all reached by Skillmark through its
 * real SSRF-checked outbound HTTP, with DNS answered by a public address and the socket replaced.
 */
import { randomBytes } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  jwtVerify,
  SignJWT,
} from 'jose';
import { ltiClaims } from '../../src/domain/lti/claims.ts';
import { createOutboundHttp, type OutboundHttp } from '../../src/services/outbound-http.ts';
import type { TestApp, TestResponse } from './app.ts';

export type AgsResult = { userId: string; resultScore: number; resultMaximum: number };

export const instructorRole = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
export const learnerRole = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

export type LaunchOptions = {
  sub: string;
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  email?: string;
  name?: string;
  roles?: string[];
  resourceLinkId?: string;
  custom?: Record<string, string>;
  /** Changes to the signed claims, applied last (to forge bad launches). */
  claims?: Record<string, unknown>;
  /** Sign with another key than the one the platform publishes. */
  signWithForeignKey?: boolean;
};

export async function createLtiPlatform(origin = 'https://lms.example.edu') {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const kid = `lms-${randomBytes(4).toString('hex')}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const clientId = `skillmark-${randomBytes(4).toString('hex')}`;
  const deploymentId = 'deployment-1';
  const lineItemUrl = `${origin}/api/lti/courses/7/line_items/1`;
  const results: AgsResult[] = [];
  const issuedTokens = new Set<string>();
  const log: string[] = [];
  const switches = { refuseTokens: false };
  let app: TestApp | undefined;

  const registration = {
    name: 'Example LMS',
    issuer: origin,
    clientId,
    deploymentIds: [deploymentId],
    authLoginUrl: `${origin}/auth`,
    tokenUrl: `${origin}/login/oauth2/token`,
    jwksUrl: `${origin}/jwks`,
  };

  async function toolKeys() {
    const response = await app!.request('GET', '/lti/jwks');
    return createLocalJWKSet(response.json as JSONWebKeySet);
  }

  /** The platform's side of the network, as Skillmark's outbound HTTP reaches it. */
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    log.push(`${method} ${url.pathname}`);
    if (method === 'GET' && url.pathname === '/jwks') return Response.json(jwks);
    if (method === 'POST' && url.href === registration.tokenUrl) {
      const form = new URLSearchParams(String(init?.body));
      try {
        const { payload } = await jwtVerify(form.get('client_assertion') ?? '', await toolKeys(), {
          issuer: clientId,
          subject: clientId,
          audience: registration.tokenUrl,
          algorithms: ['RS256'],
        });
        if (switches.refuseTokens) throw new Error('switched off');
        if (form.get('grant_type') !== 'client_credentials' || !payload.jti) throw new Error();
      } catch {
        return Response.json({ error: 'invalid_client' }, { status: 401 });
      }
      const token = randomBytes(16).toString('hex');
      issuedTokens.add(token);
      return Response.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: form.get('scope'),
      });
    }
    if (method === 'GET' && url.href === `${lineItemUrl}/results`) {
      const bearer = headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!issuedTokens.has(bearer)) return new Response(null, { status: 401 });
      return Response.json(
        results.map((r) => ({
          id: `${lineItemUrl}/results/${r.userId}`,
          scoreOf: lineItemUrl,
          ...r,
        })),
        { headers: { 'content-type': 'application/vnd.ims.lis.v2.resultcontainer+json' } },
      );
    }
    return new Response('not found', { status: 404 });
  };

  const outboundHttp: OutboundHttp = createOutboundHttp({
    lookup: async () => [{ address: '93.184.215.14', family: 4 }],
    fetchImpl,
    // A platform on loopback (the browser test serves its pages there), as in development.
    allowLoopback: true,
  });

  async function idToken(nonce: string, options: LaunchOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const messageType = options.messageType ?? 'LtiResourceLinkRequest';
    const claims: Record<string, unknown> = {
      iss: origin,
      aud: clientId,
      azp: clientId,
      sub: options.sub,
      iat: now,
      exp: now + 300,
      nonce,
      ...(options.email ? { email: options.email } : {}),
      ...(options.name ? { name: options.name } : {}),
      [ltiClaims.messageType]: messageType,
      [ltiClaims.version]: '1.3.0',
      [ltiClaims.deploymentId]: deploymentId,
      [ltiClaims.targetLinkUri]: `${app!.ctx.publicUrl}/lti/launch`,
      [ltiClaims.roles]: options.roles ?? [learnerRole],
      [ltiClaims.context]: { id: 'course-7', label: 'DATA101', title: 'Data wrangling' },
      ...(messageType === 'LtiResourceLinkRequest'
        ? {
            [ltiClaims.resourceLink]: { id: options.resourceLinkId ?? 'rl-1' },
            [ltiClaims.ags]: {
              scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly'],
              lineitem: lineItemUrl,
            },
          }
        : {
            [ltiClaims.deepLinkingSettings]: {
              deep_link_return_url: `${origin}/deep_linking_return`,
              accept_types: ['ltiResourceLink'],
              accept_presentation_document_targets: ['iframe', 'window'],
              data: 'opaque-platform-data',
            },
          }),
      ...(options.custom ? { [ltiClaims.custom]: options.custom } : {}),
      ...options.claims,
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .sign(options.signWithForeignKey ? foreign.privateKey : privateKey);
  }

  /** Step 1: third-party initiated login; returns the state and nonce Skillmark chose. */
  async function login(t: TestApp, loginHint: string) {
    const query = new URLSearchParams({
      iss: origin,
      login_hint: loginHint,
      target_link_uri: `${t.ctx.publicUrl}/lti/launch`,
      client_id: clientId,
      lti_deployment_id: deploymentId,
    });
    const response = await t.request('GET', `/lti/login?${query}`);
    if (response.status !== 302) throw new Error(`login: ${response.status} ${response.text}`);
    const redirect = new URL(response.headers.get('location')!);
    if (redirect.origin + redirect.pathname !== registration.authLoginUrl)
      throw new Error(`login redirected to ${redirect.href}`);
    return {
      state: redirect.searchParams.get('state')!,
      nonce: redirect.searchParams.get('nonce')!,
      redirect,
    };
  }

  async function post(t: TestApp, idTokenValue: string, state: string): Promise<TestResponse> {
    return t.request('POST', '/lti/launch', {
      body: new URLSearchParams({ id_token: idTokenValue, state }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    });
  }

  return {
    registration,
    clientId,
    deploymentId,
    lineItemUrl,
    results,
    log,
    /** Set `refuseTokens` to make the token endpoint answer invalid_client. */
    switches,
    outboundHttp,
    /** Binds the platform to the app it talks to (for the tool's JWKS). */
    attach(t: TestApp) {
      app = t;
    },
    login,
    idToken,
    post,
    /** The whole launch: login, then the signed id_token posted back to the tool. */
    async launch(t: TestApp, options: LaunchOptions) {
      const { state, nonce } = await login(t, options.sub);
      const token = await idToken(nonce, options);
      return { response: await post(t, token, state), token, state, nonce };
    },
    /** What the platform does with a deep linking response: verify it with the tool's keys. */
    async receiveDeepLinkingResponse(jwt: string) {
      const { payload, protectedHeader } = await jwtVerify(jwt, await toolKeys(), {
        issuer: clientId,
        audience: origin,
        algorithms: ['RS256'],
      });
      return { payload, protectedHeader };
    },
  };
}

export type LtiPlatform = Awaited<ReturnType<typeof createLtiPlatform>>;
