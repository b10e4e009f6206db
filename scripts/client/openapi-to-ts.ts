/**
 * Turns an OpenAPI 3.1 document into TypeScript types in the shape openapi-typescript emits
 * (`paths`, `operations`, `components`), which is what openapi-fetch's `createClient<paths>`
 * expects. A small generator of our own because openapi-typescript needs TypeScript 5's compiler
 * API and the project is on TypeScript 7. It covers the JSON Schema our Zod schemas produce:
 * $ref, type (incl. type arrays), enum/const, objects, arrays, records, anyOf/oneOf/allOf.
 */

type Schema = Record<string, unknown>;
type Document = {
  paths?: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
};

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (name: string) => (identifier.test(name) ? name : JSON.stringify(name));
const indent = (text: string, depth: number) => text.replaceAll('\n', `\n${'    '.repeat(depth)}`);

function refType(ref: string): string {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!match) return 'unknown';
  return `components["schemas"][${JSON.stringify(match[1])}]`;
}

function literal(value: unknown): string {
  return value === null ? 'null' : JSON.stringify(value);
}

/** One JSON Schema as a TypeScript type expression. */
export function schemaType(schema: unknown): string {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  const s = schema as Schema;
  if (typeof s.$ref === 'string') return refType(s.$ref);
  if ('const' in s) return literal(s.const);
  if (Array.isArray(s.enum)) return s.enum.map(literal).join(' | ') || 'never';
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[combinator]))
      return (s[combinator] as unknown[]).map((part) => `(${schemaType(part)})`).join(' | ');
  }
  if (Array.isArray(s.allOf))
    return (s.allOf as unknown[]).map((part) => `(${schemaType(part)})`).join(' & ');
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : [];
  if (types.length === 0) return s.properties ? objectType(s) : 'unknown';
  return types.map((type) => typeFor(type, s)).join(' | ');
}

function typeFor(type: string, s: Schema): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `(${schemaType(s.items)})[]`;
    case 'object':
      return objectType(s);
    default:
      return 'unknown';
  }
}

function objectType(s: Schema): string {
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = new Set((s.required ?? []) as string[]);
  const lines = Object.entries(properties).map(([name, property]) => {
    const doc = (property as Schema | undefined)?.description;
    const comment = typeof doc === 'string' ? `/** ${doc.replaceAll('*/', '*\\/')} */\n` : '';
    return `${comment}${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(property)};`;
  });
  const extra = s.additionalProperties;
  if (lines.length === 0) {
    if (extra === false) return 'Record<string, never>';
    return `Record<string, ${extra === undefined || extra === true ? 'unknown' : schemaType(extra)}>`;
  }
  // Declared properties must fit the index signature, so extra properties stay unknown.
  if (extra !== undefined && extra !== false) lines.push('[key: string]: unknown;');
  return `{\n    ${lines.map((line) => indent(line, 1)).join('\n    ')}\n}`;
}

function parametersType(parameters: Schema[]): string {
  const groups: Record<string, string[]> = { query: [], header: [], path: [], cookie: [] };
  const requiredGroups = new Set<string>();
  for (const parameter of parameters) {
    const where = parameter.in as string;
    if (!groups[where]) continue;
    if (parameter.required) requiredGroups.add(where);
    groups[where]!.push(
      `${key(parameter.name as string)}${parameter.required ? '' : '?'}: ${schemaType(parameter.schema)};`,
    );
  }
  const lines = Object.entries(groups).map(([where, fields]) =>
    fields.length === 0
      ? `${where}?: never;`
      : `${where}${requiredGroups.has(where) ? '' : '?'}: {\n    ${fields.join('\n    ')}\n};`,
  );
  return `{\n    ${lines.map((line) => indent(line, 1)).join('\n    ')}\n}`;
}

function contentType(content: unknown): string {
  const entries = Object.entries((content ?? {}) as Record<string, Schema>);
  if (entries.length === 0) return 'never';
  return `{\n    ${entries.map(([media, body]) => `${JSON.stringify(media)}: ${indent(schemaType(body.schema), 1)};`).join('\n    ')}\n}`;
}

function operationType(operation: Schema, shared: Schema[]): string {
  const parameters = [...shared, ...((operation.parameters ?? []) as Schema[])];
  const body = operation.requestBody as Schema | undefined;
  const responses = Object.entries((operation.responses ?? {}) as Record<string, Schema>).map(
    ([status, response]) => {
      const code = /^\d+$/.test(status) ? status : JSON.stringify(status);
      return `${code}: {\n    headers: {\n        [name: string]: unknown;\n    };\n    content${response.content ? '' : '?'}: ${indent(response.content ? contentType(response.content) : 'never', 1)};\n};`;
    },
  );
  return [
    '{',
    `    parameters: ${indent(parametersType(parameters), 1)};`,
    body
      ? `    requestBody${body.required ? '' : '?'}: {\n        content: ${indent(contentType(body.content), 2)};\n    };`
      : '    requestBody?: never;',
    `    responses: {\n        ${responses.map((r) => indent(r, 2)).join('\n        ')}\n    };`,
    '}',
  ].join('\n');
}

/** The whole module text. */
export function openApiToTypeScript(document: Document): string {
  const out: string[] = [
    '/**',
    ' * Generated by `npm run client:generate` from the Skillmark OpenAPI document. Do not edit:',
    ' * change the route schemas and generate again.',
    ' */',
    '',
    'export interface paths {',
  ];
  const operations: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = (item.parameters ?? []) as Schema[];
    out.push(`    ${JSON.stringify(path)}: {`);
    out.push(`        parameters: ${indent(parametersType(shared), 2)};`);
    for (const method of methods) {
      const operation = item[method] as Schema | undefined;
      if (!operation) {
        out.push(`        ${method}?: never;`);
        continue;
      }
      const id = operation.operationId as string;
      if (typeof operation.summary === 'string') out.push(`        /** ${operation.summary} */`);
      out.push(`        ${method}: operations[${JSON.stringify(id)}];`);
      operations.push(`    ${key(id)}: ${indent(operationType(operation, shared), 1)};`);
    }
    out.push('    };');
  }
  out.push('}', '', 'export interface components {', '    schemas: {');
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    out.push(`        ${key(name)}: ${indent(schemaType(schema), 2)};`);
  out.push('    };', '}', '', 'export interface operations {', ...operations, '}', '');
  return out.join('\n');
}
