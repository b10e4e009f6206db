import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSkillmarkClient } from '../../clients/typescript/src/index.ts';
import { documentText } from '../../scripts/client/document-text.ts';
import { openApiToTypeScript } from '../../scripts/client/openapi-to-ts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createOrganizationOwnedBy, createToken, signUpPerson } from '../helpers/factories.ts';

let t: TestApp;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked generically
let document: any;

beforeAll(async () => {
  t = await createTestApp();
  document = (await t.request('GET', '/openapi.json')).json;
});
afterAll(() => t.close());

const committed = (path: string) =>
  readFileSync(new URL(`../../clients/typescript/${path}`, import.meta.url), 'utf8');

const operations = () =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Record<string, unknown>>)
      .filter(([method]) => ['get', 'put', 'post', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

describe('OpenAPI document completeness', () => {
  it('every operation has a unique operationId, a summary and a documented problem response', () => {
    const ids = new Set<string>();
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(ids.has(operation.operationId as string), `${where} reuses an operationId`).toBe(
        false,
      );
      ids.add(operation.operationId as string);
      expect(String(operation.summary ?? '').length, `${where} has no summary`).toBeGreaterThan(10);
      const errors = Object.entries(operation.responses as Record<string, { content?: object }>)
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(
          ([, response]) => response.content && 'application/problem+json' in response.content,
        );
      expect(errors.length, `${where} documents no problem response`).toBeGreaterThan(0);
    }
  });

  it('the webhook and LTI operations carry examples', () => {
    const ours = operations().filter(({ path }) => /\/(webhooks|lti)(\/|$)/.test(path));
    expect(ours.length).toBeGreaterThanOrEqual(11);
    const schemas = JSON.stringify(document.components.schemas);
    for (const name of [
      'NewWebhookEndpoint',
      'WebhookEndpoint',
      'WebhookDelivery',
      'NewLtiPlatform',
    ])
      expect(JSON.stringify(document.components.schemas[name]), name).toContain('"example"');
    expect(schemas).toContain('https://moodle.example.edu/mod/lti/auth.php');
    const withExample = operations().filter(({ operation }) =>
      /"examples?"/.test(JSON.stringify(operation)),
    ).length;
    // A figure for the report, not a gate: other teams' routes gain examples over time.
    console.info(
      `OpenAPI operations with an inline example: ${withExample}/${operations().length}`,
    );
  });
});

describe('typed TypeScript client', () => {
  it('is generated from the current OpenAPI document (run `npm run client:generate` if not)', () => {
    expect(committed('openapi.json') === documentText(document), 'openapi.json is stale').toBe(
      true,
    );
    expect(
      committed('src/schema.ts') === openApiToTypeScript(document),
      'src/schema.ts is stale',
    ).toBe(true);
  });

  it('calls the in-process app with typed paths, bodies and problems', async () => {
    const owner = await signUpPerson(t, 'Client Owner');
    const { slug } = await createOrganizationOwnedBy(t, owner);
    const { secret } = await createToken(t, owner, slug, 'owner');
    const client = createSkillmarkClient({
      baseUrl: t.ctx.publicUrl,
      token: secret,
      fetch: (request: Request) => Promise.resolve(t.app.fetch(request)),
    });
    const health = await client.GET('/health');
    expect(health.response.status).toBe(200);

    const created = await client.POST('/api/v1/organizations/{slug}/webhooks', {
      params: { path: { slug } },
      body: { url: 'https://hooks.example.com/in', eventTypes: ['credential.issued'] },
    });
    expect(created.error).toBeUndefined();
    expect(created.data?.secret).toMatch(/^whsec_/);
    const listed = await client.GET('/api/v1/organizations/{slug}/webhooks', {
      params: { path: { slug } },
    });
    expect(listed.data?.endpoints.map((e) => e.id)).toEqual([created.data?.endpoint.id]);

    const missing = await client.GET('/api/v1/organizations/{slug}/webhooks', {
      params: { path: { slug: 'no-such-organization' } },
    });
    expect(missing.data).toBeUndefined();
    expect(missing.error?.code).toBe('not_found');
  });
});
