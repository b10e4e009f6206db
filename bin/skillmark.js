#!/usr/bin/env node
// Skillmark runs on Node.js 24 (pinned by the `node` devDependency); when an older Node starts
// this file, hand over to the project's own Node so the TypeScript sources load natively.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (major >= 24) {
  const cli = await import(main);
  await cli.main();
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      'skillmark needs Node.js 24 or later; run `npm install` in the project first.\n',
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
