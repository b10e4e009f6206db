import { describe, expect, it } from 'vitest';
import { openApiToTypeScript, schemaType } from '../../scripts/client/openapi-to-ts.ts';

describe('schemaType', () => {
  it('maps the JSON Schema our Zod schemas produce', () => {
    expect(schemaType({ type: 'string' })).toBe('string');
    expect(schemaType({ type: ['string', 'null'] })).toBe('string | null');
    expect(schemaType({ enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(schemaType({ type: 'array', items: { type: 'integer' } })).toBe('(number)[]');
    expect(schemaType({ $ref: '#/components/schemas/Problem' })).toBe(
      'components["schemas"]["Problem"]',
    );
    expect(schemaType({ type: 'object', additionalProperties: { type: 'number' } })).toBe(
      'Record<string, number>',
    );
    expect(schemaType({ anyOf: [{ type: 'string' }, { const: 3 }] })).toBe('(string) | (3)');
    expect(
      schemaType({
        type: 'object',
        properties: { id: { type: 'string' }, 'x-y': { type: 'boolean' } },
        required: ['id'],
      }),
    ).toBe('{\n    id: string;\n    "x-y"?: boolean;\n}');
  });
});

describe('openApiToTypeScript', () => {
  it('emits paths and operations in the shape openapi-fetch expects', () => {
    const text = openApiToTypeScript({
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'getThing',
            summary: 'One thing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              200: { content: { 'application/json': { schema: { type: 'object' } } } },
              404: { description: 'missing' },
            },
          },
        },
      },
    });
    expect(text).toContain('"/things/{id}": {');
    expect(text).toContain('get: operations["getThing"];');
    expect(text).toContain('post?: never;');
    expect(text).toMatch(/path: \{\s+id: string;/);
    expect(text).toContain('404: {');
    expect(text).toContain('requestBody?: never;');
  });
});
