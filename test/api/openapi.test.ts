import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every API route with its problem responses', async () => {
    const response = await t.request('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = response.json;
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/api/v1/accounts',
        '/api/v1/sessions',
        '/api/v1/me',
        '/api/v1/organizations',
        '/api/v1/organizations/{slug}',
        '/api/v1/organizations/{slug}/members',
        '/api/v1/organizations/{slug}/tokens',
      ]),
    );
    expect(document.components.schemas.Problem).toBeDefined();
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const signUp = document.paths['/api/v1/accounts'].post;
    expect(signUp.responses['400'].content['application/problem+json']).toBeDefined();
    expect(signUp.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('renders docs at /docs from local assets only', async () => {
    const page = await t.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\/(unpkg|cdn)/);
    const bundle = await t.request('GET', '/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });
});
