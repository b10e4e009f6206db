import { decodeJwt } from 'jose';
import type { JsonObject } from '../../../credentials/types.ts';
import { requireIssuedCredential } from '../../../services/credentials/issue-credential.ts';
import { credentialHead, credentialPage } from '../../../web/pages/credential.ts';
import { render } from '../../../web/render.ts';
import type { Api } from '../../env.ts';

/**
 * A credential's `id` URL: people get a page with a live verification, machines the credential
 * exactly as signed (content negotiation on Accept).
 */
export function mountGetCredential(app: Api) {
  app.get('/credentials/:id', async (c) => {
    const ctx = c.get('ctx');
    const row = await requireIssuedCredential(ctx, c.req.param('id'));
    const wantsHtml = /text\/html/.test(c.req.header('accept') ?? '');
    if (!wantsHtml) {
      const type = row.format === 'vc-jwt' ? 'application/vc+jwt' : 'application/vc+ld+json';
      return c.body(row.signed, 200, {
        'content-type': type,
        'access-control-allow-origin': '*',
        vary: 'Accept',
      });
    }
    const verification = await ctx.verifyCredential(
      row.format === 'vc-jwt' ? row.signed : JSON.parse(row.signed),
    );
    const credential = (verification.credential ??
      (row.format === 'vc-jwt' ? decodeJwt(row.signed) : JSON.parse(row.signed))) as JsonObject;
    const model = {
      credential,
      verification,
      revoked: row.revokedAt !== null,
      suspended: row.suspendedAt !== null,
      url: `${ctx.publicUrl}/credentials/${row.id}`,
    };
    c.header('vary', 'Accept');
    return render(c, { title: 'Credential', head: credentialHead(model) }, credentialPage(model));
  });
}
