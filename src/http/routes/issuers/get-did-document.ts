import type { Context } from 'hono';
import { NotFoundError } from '../../../domain/errors.ts';
import { getDidDocument } from '../../../services/issuers/issuer-profile.ts';
import type { Api, HttpEnv } from '../../env.ts';

/**
 * did:web documents (did:web §3.2): the platform's at /.well-known/did.json, each issuer's at
 * /issuers/{slug}/did.json. They exist only when SKILLMARK_PUBLIC_URL is https.
 */
async function serve(c: Context<HttpEnv>, slug: string | null) {
  const document = await getDidDocument(c.get('ctx'), slug);
  if (!document)
    throw new NotFoundError(
      'did:web needs SKILLMARK_PUBLIC_URL to be an https URL; this instance issues under did:key.',
    );
  return c.body(JSON.stringify(document), 200, {
    'content-type': 'application/did+json',
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
  });
}

export function mountDidDocumentRoutes(app: Api) {
  app.get('/.well-known/did.json', (c) => serve(c, null));
  app.get('/issuers/:slug/did.json', (c) => serve(c, c.req.param('slug')));
}
