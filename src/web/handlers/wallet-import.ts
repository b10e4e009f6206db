import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ValidationError } from '../../domain/errors.ts';
import type { Api } from '../../http/env.ts';
import { presentWalletCredential } from '../../services/wallet/add-to-wallet.ts';
import { clrAchievements } from '../../services/wallet/import-clr.ts';
import { type ImportSource, importCredential } from '../../services/wallet/import-credential.ts';
import { getWalletContent } from '../../services/wallet/wallet.ts';
import {
  type ImportedView,
  type WalletImportState,
  walletImportPage,
} from '../pages/wallet-import.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  readUploadForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

function showImportPage(
  c: WebContext,
  state: WalletImportState = {},
  imported?: ImportedView,
  status: ContentfulStatusCode = 200,
) {
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Import a credential', section: 'learn' },
    walletImportPage(csrfTokenOf(c), state, imported),
    status,
  );
}

/** The just-imported entry, shown after the redirect (only to its owner: else "not found"). */
async function importedView(c: WebContext, id: string): Promise<ImportedView> {
  const ctx = c.get('ctx');
  const row = await getWalletContent(ctx, c.get('actor'), id);
  const entry = presentWalletCredential(row);
  if (entry.receivedAs !== 'clr') return { entry };
  return { entry, achievements: await clrAchievements(row.content, ctx.verifyCredential) };
}

async function runImport(
  c: WebContext,
  which: 'file' | 'text' | 'url',
  values: Record<string, string>,
  source: () => ImportSource,
) {
  const actor = c.get('actor');
  if (actor.kind !== 'account') return signInFirst(c, '/wallet/import');
  try {
    const ctx = c.get('ctx');
    const { entry } = await importCredential(ctx, ctx.verifyCredential, actor.accountId, source());
    return c.redirect(`/wallet/import?imported=${entry.id}`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return showImportPage(
      c,
      { form: which, values, message: failure.message, errors: failure.errors },
      undefined,
      failure.status,
    );
  }
}

/** `/wallet/import`: upload, paste or URL; each a plain form post, then the result. */
export function mountWalletImportPages(app: Api) {
  app.get('/wallet/import', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirst(c, '/wallet/import');
    const id = c.req.query('imported');
    return showImportPage(c, {}, id ? await importedView(c, id) : undefined);
  });

  app.post('/wallet/import/file', async (c) => {
    const { form, file } = await readUploadForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    return runImport(c, 'file', {}, () => {
      if (!file)
        throw new ValidationError('Choose a file to import.', [
          { field: 'file', message: 'Choose a file to import.' },
        ]);
      return { file: file.bytes, fileName: file.name };
    });
  });

  app.post('/wallet/import/text', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const text = form.text ?? '';
    return runImport(c, 'text', { text }, () => ({ text }));
  });

  app.post('/wallet/import/url', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const url = (form.url ?? '').trim();
    return runImport(c, 'url', { url }, () => {
      if (!url)
        throw new ValidationError('Give the web address to import from.', [
          { field: 'url', message: 'Give the web address to import from.' },
        ]);
      return { url };
    });
  });
}
