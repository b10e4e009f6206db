import type { Context } from 'hono';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { SkillmarkError } from '../../../domain/errors.ts';
import { OAuthError } from '../../../domain/oauth/errors.ts';
import { authenticateClient, registerClient } from '../../../services/oauth/clients.ts';
import { revokeTokenOfClient } from '../../../services/oauth/revoke.ts';
import { requestToken, type TokenRequest } from '../../../services/oauth/tokens.ts';
import type { RateLimitRule } from '../../../services/rate-limit.ts';
import type { Api, HttpEnv } from '../../env.ts';
import { rateLimit } from '../../middleware/rate-limit.ts';
import { problemFor } from '../../problem.ts';

/** Registration is open to anyone, so each address may register only a few clients an hour. */
const registrationRule: RateLimitRule = { name: 'oauth-register', limit: 20, windowSeconds: 3600 };
/** Token and revocation requests are authenticated but still guessable; limit them per address. */
const tokenRule: RateLimitRule = { name: 'oauth-token', limit: 120, windowSeconds: 60 };

/**
 * The authorization server's machine endpoints: RFC 7591 registration, RFC 6749 token (code and
 * refresh grants) and RFC 7009 revocation. The browser-facing /oauth/authorize is a web page
 * (src/web/handlers/oauth-consent.ts). Errors are RFC 6749 §5.2 JSON, which OAuth clients parse.
 */
export function mountOAuthEndpoints(app: Api) {
  const oauth = new Hono<HttpEnv>();
  oauth.use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'] }));
  oauth.use('/register', rateLimit(registrationRule));
  oauth.use('/token', rateLimit(tokenRule));
  oauth.use('/revoke', rateLimit(tokenRule));

  oauth.post('/register', async (c) => {
    if (mediaTypeOf(c) !== 'application/json')
      throw new OAuthError(
        'invalid_client_metadata',
        'Send the client metadata as application/json.',
      );
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new OAuthError('invalid_client_metadata', 'The body is not valid JSON.');
    }
    const client = await registerClient(c.get('ctx'), body);
    noStore(c);
    return c.json(client, 201);
  });

  oauth.post('/token', async (c) => {
    const form = await readTokenForm(c);
    const client = await authenticateClient(c.get('ctx'), {
      authorization: c.req.header('authorization'),
      clientId: form.client_id,
      clientSecret: form.client_secret,
    });
    const tokens = await requestToken(c.get('ctx'), client, form);
    noStore(c);
    return c.json(tokens, 200);
  });

  oauth.post('/revoke', async (c) => {
    const form = await readTokenForm(c);
    const client = await authenticateClient(c.get('ctx'), {
      authorization: c.req.header('authorization'),
      clientId: form.client_id,
      clientSecret: form.client_secret,
    });
    if (!form.token)
      throw new OAuthError('invalid_request', 'Send the token to revoke as "token".');
    await revokeTokenOfClient(c.get('ctx'), client, form.token);
    noStore(c);
    return c.body(null, 200);
  });

  oauth.onError((error, c) => {
    if (error instanceof OAuthError) {
      noStore(c);
      if (error.error === 'invalid_client' && c.req.header('authorization'))
        c.header('WWW-Authenticate', 'Basic realm="skillmark"');
      return c.json(error.toJSON(), error.status);
    }
    if (error instanceof SkillmarkError) {
      if (error.code === 'rate_limited' && 'retryAfterSeconds' in error)
        c.header('Retry-After', String(error.retryAfterSeconds));
      return problemFor(c, error.code, error.message, error.fields);
    }
    throw error;
  });
  app.route('/oauth', oauth as unknown as Api);
}

function mediaTypeOf(c: Context<HttpEnv>): string {
  return c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
}

function noStore(c: Context<HttpEnv>) {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
}

/** RFC 6749 §4.1.3: token requests are application/x-www-form-urlencoded, one value per name. */
async function readTokenForm(
  c: Context<HttpEnv>,
): Promise<TokenRequest & { client_id?: string; client_secret?: string; token?: string }> {
  if (mediaTypeOf(c) !== 'application/x-www-form-urlencoded')
    throw new OAuthError(
      'invalid_request',
      'Send the request as application/x-www-form-urlencoded (RFC 6749 §4.1.3).',
    );
  const params = new URLSearchParams(await c.req.text());
  const form: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (values.length > 1) throw new OAuthError('invalid_request', `${name} is repeated.`);
    form[name] = values[0]!;
  }
  return form;
}
