import type { AuthorizationQuery } from '../../domain/oauth/authorization-request.ts';
import type { Api } from '../../http/env.ts';
import { getAccount } from '../../services/accounts.ts';
import {
  type AuthorizationOutcome,
  decideAuthorization,
  prepareAuthorization,
} from '../../services/oauth/authorize.ts';
import { fetchClientLogo } from '../../services/oauth/client-logo.ts';
import { getClient } from '../../services/oauth/clients.ts';
import { authorizationRefusedPage, consentPage, returnToAppPage } from '../pages/oauth-consent.ts';
import {
  csrfTokenOf,
  formExpired,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

/** The parameters of RFC 6749 §4.1.1 and RFC 7636 §4.3 that the flow reads; others are ignored. */
const parameterNames = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

function authorizationQuery(source: Record<string, string | undefined>): AuthorizationQuery {
  const query: AuthorizationQuery = {};
  for (const name of parameterNames) if (source[name] !== undefined) query[name] = source[name];
  return query;
}

/** Encodes every parameter with %20 for spaces, so sign-in's `next` check lets it through. */
function authorizePath(query: AuthorizationQuery): string {
  const pairs = Object.entries(query).map(
    ([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`,
  );
  return `/oauth/authorize?${pairs.join('&')}`;
}

function refusal(c: WebContext, message: string) {
  return render(c, { title: 'Request refused' }, authorizationRefusedPage(message), 400);
}

async function leaveFor(c: WebContext, outcome: AuthorizationOutcome, clientId: string) {
  if (outcome.kind === 'refuse') return refusal(c, outcome.message);
  if (outcome.kind !== 'redirect') throw new Error('a decision always ends in a redirect');
  const client = await getClient(c.get('ctx'), clientId);
  c.header('Cache-Control', 'no-store');
  c.header('Refresh', `0; url=${outcome.location}`);
  return render(
    c,
    { title: `Returning to ${client?.clientName ?? 'the app'}` },
    returnToAppPage(client?.clientName ?? 'the app', outcome.location),
  );
}

/** The OAuth 2.0 authorization endpoint as a page: the learner signs in and approves or denies. */
export function mountOAuthConsentPages(app: Api) {
  app.get('/oauth/authorize', async (c) => {
    const query = authorizationQuery(c.req.query());
    const outcome = await prepareAuthorization(c.get('ctx'), query);
    if (outcome.kind === 'refuse') return refusal(c, outcome.message);
    if (outcome.kind === 'redirect') return c.redirect(outcome.location, 302);
    const actor = c.get('actor');
    if (actor.kind !== 'account') return signInFirst(c, authorizePath(query));
    const account = await getAccount(c.get('ctx'), actor, actor.accountId);
    const fields = Object.fromEntries(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: `Allow ${outcome.client.clientName}?` },
      consentPage(outcome.client, outcome.request, fields, csrfTokenOf(c), account?.displayName),
    );
  });

  app.post('/oauth/authorize', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const query = authorizationQuery(form);
    if (c.get('actor').kind !== 'account') return signInFirst(c, authorizePath(query));
    const decision = form.decision;
    if (decision !== 'approve' && decision !== 'deny') return refusal(c, 'Choose Allow or Deny.');
    const outcome = await decideAuthorization(
      c.get('ctx'),
      c.get('actor'),
      query,
      decision === 'approve',
    );
    return leaveFor(c, outcome, query.client_id ?? '');
  });

  app.get('/oauth/clients/:clientId/logo', async (c) => {
    const logo = await fetchClientLogo(c.get('ctx'), c.req.param('clientId'));
    if (!logo) return c.body(null, 404);
    return c.body(logo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': logo.contentType,
      'cache-control': 'public, max-age=86400',
    });
  });
}
