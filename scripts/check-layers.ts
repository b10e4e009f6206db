// Keeps imports pointing inward (docs/ARCHITECTURE.md): domain imports nothing of ours; credentials
// only domain; db only domain; services never the edges; nothing imports the edges but the edges.
// Biome has no rule for this layering, hence this small check.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  credentials: ['credentials', 'domain'],
  db: ['db', 'domain'],
  services: ['services', 'domain', 'credentials', 'db', 'config.ts', 'context.ts'],
  http: ['http', 'web', 'services', 'domain', 'credentials', 'db', 'config.ts', 'context.ts'],
  web: ['web', 'http', 'services', 'domain', 'credentials', 'config.ts', 'context.ts'],
  cli: ['cli', 'http', 'services', 'domain', 'credentials', 'db', 'config.ts', 'context.ts'],
  'config.ts': [],
  'context.ts': ['db', 'services', 'credentials', 'config.ts'],
};

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const violations: string[] = [];
for (const file of files(src)) {
  const layer = relative(src, file).split('/')[0]!;
  const rules = allowed[layer];
  if (!rules) continue;
  for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
    const target = relative(src, join(file, '..', match[1]!)).split('/')[0]!;
    if (target.startsWith('..')) continue;
    if (target !== layer && !rules.includes(target))
      violations.push(`${relative(src, file)} imports ${match[1]} (${layer} → ${target})`);
  }
}
if (violations.length > 0) {
  console.error(`Layering violations (see docs/ARCHITECTURE.md):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('Layering: imports point inward.');
