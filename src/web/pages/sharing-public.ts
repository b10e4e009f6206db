import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { type CredentialPageModel, credentialPage } from './credential.ts';

/** A credential opened through a share link or a portfolio: the public credential page, framed. */
export function sharedCredentialPage(
  model: CredentialPageModel,
  context: { sharedBy?: string; backTo?: { href: string; label: string } },
): Html {
  return html`${context.backTo ? html`<p><a href="${context.backTo.href}">${context.backTo.label}</a></p>` : ''}
<p class="hint">Shared by ${context.sharedBy || 'its holder'}. The check below runs now, on this server, against the issuer's signature and status list.</p>
${credentialPage(model)}`;
}
