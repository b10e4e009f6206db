import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { type AuditState, auditLog } from '../../services/transparency/audit-log.ts';
import { produceTreeHead } from '../../services/transparency/tree-heads.ts';
import { addWitness } from '../../services/transparency/witnesses.ts';
import { withContext } from '../with-context.ts';

const operator = { kind: 'admin-token' } as const;

/** Plain fetch: the instance to audit is the user's explicit target. */
async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function readState(file: string | undefined): AuditState | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AuditState;
  } catch {
    throw new ValidationError(`${file} is not an audit state file (JSON).`);
  }
}

export function registerLogCommands(program: Command) {
  const log = program
    .command('log')
    .description('The transparency log of issuance, revocation and key rotation events');

  log
    .command('audit')
    .description(
      'Audit an instance’s log over HTTP: verify its signed head and that it extends the head seen last time; exit 1 on a fork, rewrite or quiet revocation',
    )
    .argument('<url>', 'the instance, e.g. https://skillmark.example')
    .option('--state <file>', 'remembers the last head seen (created on first run)')
    .option('--entries', 'also replay every entry and compare the status lists with the log')
    .option('--json', 'print the report as JSON')
    .action(async (url: string, options: { state?: string; entries?: boolean; json?: boolean }) => {
      const previous = readState(options.state);
      const report = await auditLog(url, previous, fetchJson, { entries: options.entries });
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const lines = report.findings.map(
          (f) => `  ${f.severity === 'problem' ? '✗' : '✓'} ${f.message}`,
        );
        process.stdout.write(`${[report.ok ? 'LOG OK' : 'LOG PROBLEM', ...lines].join('\n')}\n`);
      }
      if (options.state && report.state && report.ok)
        writeFileSync(options.state, `${JSON.stringify(report.state, null, 2)}\n`);
      process.exitCode = report.ok ? 0 : 1;
    });

  log
    .command('sign')
    .description('Sign a tree head for the log’s current size now (operator)')
    .action(async () => {
      await withContext(async (ctx) => {
        const result = await produceTreeHead(ctx);
        const head = result!.head;
        process.stdout.write(
          `${result!.created ? 'Signed' : 'Unchanged since'} tree head: size ${head.treeSize}, root ${head.rootHash}.\n`,
        );
      });
    });

  log
    .command('add-witness')
    .description('Accept cosignatures from a witness’s Ed25519 key (operator)')
    .argument('<name>', 'the witness’s name, e.g. the other instance’s host')
    .argument('<publicKeyMultibase>', 'its Ed25519 public key (z6Mk…)')
    .action(async (name: string, publicKeyMultibase: string) => {
      await withContext(async (ctx) => {
        await addWitness(ctx, operator, { name, publicKeyMultibase });
        process.stdout.write(`Witness ${name} added.\n`);
      });
    });
}
