/**
 * `npm run client:generate`: builds the app on a throw-away embedded database, takes its
 * OpenAPI document and writes it with the generated types into clients/typescript. A test
 * (test/api/typescript-client.test.ts) fails when the committed files fall behind the routes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createAppContext } from '../../src/context.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { clientPublicUrl, documentText } from './document-text.ts';
import { openApiToTypeScript } from './openapi-to-ts.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'skillmark-client-'));
const ctx = await createAppContext(
  loadConfig({
    SKILLMARK_DATA_DIR: dataDir,
    SKILLMARK_SECRET_KEY: randomBytes(32).toString('base64'),
    SKILLMARK_PUBLIC_URL: clientPublicUrl,
  }),
  { logger: pino({ level: 'silent' }) },
);
try {
  const response = await createHttpApp(ctx).request('/openapi.json');
  const document = await response.json();
  const target = new URL('../../clients/typescript/', import.meta.url);
  writeFileSync(new URL('openapi.json', target), documentText(document));
  writeFileSync(new URL('src/schema.ts', target), openApiToTypeScript(document));
  process.stdout.write(
    `Wrote clients/typescript/openapi.json and src/schema.ts (${Object.keys(document.paths).length} paths).\n`,
  );
} finally {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
}
