import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Api } from './env.ts';
import { openApiDocument } from './openapi-document.ts';

/**
 * Swagger UI served from the swagger-ui-dist package, so /docs works offline and under a strict
 * Content-Security-Policy (no CDN, no inline script).
 */
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};
const initializer = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
});\n`;

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skillmark API reference</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><main id="swagger-ui"><h1>Skillmark API reference</h1><p>This page needs JavaScript; the raw document is at <a href="/openapi.json">/openapi.json</a>.</p></main>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/init.js"></script></body></html>`;

export function mountApiDocs(app: Api) {
  app.get('/openapi.json', (c) => c.json(openApiDocument(app, c.get('ctx').publicUrl)));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      "An API token created on the organization's API tokens page or with `skillmark admin create-token`.",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'skillmark_session',
  });
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/assets/init.js', (c) =>
    c.body(initializer, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/docs/assets/:name', (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.notFound();
    return c.body(readFileSync(join(swaggerDir, asset.file)), 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
