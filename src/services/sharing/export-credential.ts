/**
 * A wallet credential in the forms a learner hands on: the signed JSON, the VC-JWT, a badge
 * image with the credential baked in (OB 3.0 §5.3), and a printable PDF certificate.
 */
import { bakePng, bakeSvg } from '../../credentials/baking/index.ts';
import { findAccountById } from '../../db/repositories/accounts.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { verifyLinkOf } from '../verification/verify-link.ts';
import { renderBadgePng, renderBadgeSvg } from './badge-image.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { fileNameOf } from './credential-facts.ts';
import { type OwnedCredential, requireOwnedCredential } from './owned-credential.ts';
import { ensurePublicPage } from './share-links.ts';

export const exportFormats = ['json', 'jwt', 'png', 'svg', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportedFile = { body: Uint8Array | string; contentType: string; fileName: string };

/** Which exports a credential allows: JSON only when signed as JSON, JWT only when it is one. */
export function exportFormatsOf(owned: OwnedCredential): ExportFormat[] {
  if (Object.keys(owned.facts.credential).length === 0) return ['pdf'];
  return owned.facts.encoding === 'jwt'
    ? ['jwt', 'png', 'svg', 'pdf']
    : ['json', 'png', 'svg', 'pdf'];
}

/** The credential's signed text, exactly as stored (the signature covers it). */
function signedText(owned: OwnedCredential): string {
  return owned.row.content.trim();
}

/** Exports one of the actor's credentials; anyone else's is a 404. */
export async function exportCredential(
  ctx: ServiceContext,
  actor: Actor,
  walletCredentialId: string,
  format: ExportFormat,
): Promise<ExportedFile> {
  const owned = await requireOwnedCredential(ctx, actor, walletCredentialId);
  if (!exportFormatsOf(owned).includes(format)) {
    throw new ValidationError(
      format === 'json' && owned.facts.encoding === 'jwt'
        ? 'This credential was issued as a VC-JWT: its signed form is the JWT (format=jwt).'
        : format === 'jwt'
          ? 'This credential was not issued as a VC-JWT: its signed form is JSON (format=json).'
          : 'This credential cannot be exported in that format.',
      [{ field: 'format', message: `must be one of: ${exportFormatsOf(owned).join(', ')}` }],
    );
  }
  const name = fileNameOf(owned.facts);
  switch (format) {
    case 'json':
      return {
        body: owned.row.content,
        contentType: 'application/vc+ld+json',
        fileName: `${name}.json`,
      };
    case 'jwt':
      return {
        body: signedText(owned),
        contentType: 'application/vc+jwt',
        fileName: `${name}.jwt`,
      };
    case 'png':
      return {
        body: bakePng(renderBadgePng(), signedText(owned)),
        contentType: 'image/png',
        fileName: `${name}.png`,
      };
    case 'svg':
      return {
        body: bakeSvg(renderBadgeSvg(owned.facts), signedText(owned)),
        contentType: 'image/svg+xml',
        fileName: `${name}.svg`,
      };
    case 'pdf': {
      const account = await findAccountById(ctx.db, owned.row.accountId);
      const verificationUrl = await ensurePublicPage(ctx, actor, owned);
      const body = await renderCertificatePdf({
        facts: owned.facts,
        learnerName: account?.displayName ?? '',
        verificationUrl,
        scanUrl: verifyLinkOf(ctx.publicUrl, verificationUrl),
        now: ctx.now(),
      });
      return { body, contentType: 'application/pdf', fileName: `${name}-certificate.pdf` };
    }
  }
}
