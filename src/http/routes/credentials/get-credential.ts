import { decodeJwt } from 'jose';
import type { AppContext } from '../../../context.ts';
import type { JsonObject } from '../../../credentials/types.ts';
import { SkillmarkError } from '../../../domain/errors.ts';
import { requireIssuedCredential } from '../../../services/credentials/issue-credential.ts';
import { endorsementsOfAchievementAndIssuer } from '../../../services/endorsements/list.ts';
import { inclusionProofOf } from '../../../services/transparency/proofs.ts';
import { html } from '../../../web/html.ts';
import { credentialHead, credentialPage } from '../../../web/pages/credential.ts';
import { render } from '../../../web/render.ts';
import type { Api } from '../../env.ts';
import { inclusionFragment } from '../transparency/inclusion-fragment.ts';

/**
 * A credential's `id` URL: people get a page with a live verification, machines the credential
 * exactly as signed (content negotiation on Accept).
 */
export function mountGetCredential(app: Api) {
  app.get('/credentials/:id', async (c) => {
    const ctx = c.get('ctx');
    const row = await requireIssuedCredential(ctx, c.req.param('id'));
    const wantsHtml = /text\/html/.test(c.req.header('accept') ?? '');
    // Issue 10: the inclusion proof of its issuance, linked always and embedded on request.
    const proofUrl = `${ctx.publicUrl}/transparency/proofs/inclusion?credential=${row.id}`;
    c.header('link', `<${proofUrl}>; rel="transparency-inclusion-proof"; type="application/json"`);
    const withProof = c.req.query('proof') === 'inclusion';
    if (!wantsHtml && withProof) return c.redirect(proofUrl, 303);
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
      endorsements: await endorsementsOfAchievementAndIssuer(
        ctx,
        row.achievementId,
        row.organizationId,
      ),
    };
    c.header('vary', 'Accept');
    const proofSection = withProof ? await inclusionSection(ctx, row.id, proofUrl) : '';
    return render(
      c,
      { title: 'Credential', head: credentialHead(model) },
      html`${credentialPage(model)}${proofSection}`,
    );
  });
}

async function inclusionSection(ctx: AppContext, id: string, proofUrl: string) {
  try {
    return inclusionFragment(proofUrl, await inclusionProofOf(ctx, id), undefined);
  } catch (error) {
    if (!(error instanceof SkillmarkError)) throw error;
    return inclusionFragment(proofUrl, undefined, error.message);
  }
}
