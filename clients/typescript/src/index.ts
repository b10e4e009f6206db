/**
 * Typed client for the Skillmark API: openapi-fetch over the types generated from Skillmark's
 * OpenAPI document, so paths, parameters, bodies and responses are checked by the compiler.
 *
 * ```ts
 * const skillmark = createSkillmarkClient({ baseUrl: 'https://skillmark.example.org', token });
 * const { data, error } = await skillmark.GET('/api/v1/organizations/{slug}/webhooks', {
 *   params: { path: { slug: 'demo-university' } },
 * });
 * ```
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';

export type SkillmarkClient = Client<paths>;

export type SkillmarkClientOptions = ClientOptions & {
  /** An organization API token (`skm_…`), sent as `Authorization: Bearer`. */
  token?: string;
};

export function createSkillmarkClient(options: SkillmarkClientOptions): SkillmarkClient {
  const { token, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
