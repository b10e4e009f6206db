import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { createSafeFetch, type VerificationResult } from '../../credentials/index.ts';
import type { JsonObject } from '../../credentials/types.ts';
import { ValidationError } from '../../domain/errors.ts';
import { changeCredentialStatus } from '../../services/credentials/change-status.ts';
import { issueCredential } from '../../services/credentials/issue-credential.ts';
import { rotateIssuerKeys } from '../../services/issuers/issuer-profile.ts';
import { withContext } from '../with-context.ts';

const operator = { kind: 'admin-token' } as const;
const symbols = { passed: '✓', failed: '✗', warning: '!', skipped: '-' } as const;

/** A file path, an https URL (fetched SSRF-safely) or `-` for standard input. */
async function readInput(source: string): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (/^https?:\/\//.test(source)) {
    const response = await createSafeFetch({ timeoutMs: 10_000 })(source, {
      accept: 'application/json',
    });
    return new TextDecoder().decode(response.body);
  }
  return readFileSync(source, 'utf8');
}

function parseCredential(text: string): unknown {
  const trimmed = text.trim();
  if (/^ey[\w-]+\.[\w-]+\.[\w-]*$/.test(trimmed)) return trimmed;
  try {
    return JSON.parse(trimmed);
  } catch {
    throw new ValidationError('The input is neither JSON nor a VC-JWT.');
  }
}

export function formatReport(result: VerificationResult): string {
  const lines = result.checks.map(
    (check) =>
      `  ${symbols[check.outcome]} ${check.check.padEnd(11)} ${check.message}${check.detail ? `\n                ${check.detail}` : ''}`,
  );
  return [`${result.verified ? 'VALID' : 'NOT VALID'}`, ...lines].join('\n');
}

export function registerCredentialCommands(program: Command) {
  program
    .command('verify')
    .description(
      'Verify a credential (JSON with a proof, or a VC-JWT); exit code 0 when valid, 1 when not',
    )
    .argument('<source>', 'a file, an https URL, or - for standard input')
    .option('--json', 'print the full result as JSON')
    .action(async (source: string, options: { json?: boolean }) => {
      const input = parseCredential(await readInput(source));
      await withContext(async (ctx) => {
        const result = await ctx.verifyCredential(input);
        process.stdout.write(
          `${options.json ? JSON.stringify(result, null, 2) : formatReport(result)}\n`,
        );
        process.exitCode = result.verified ? 0 : 1;
      });
    });

  program
    .command('issue')
    .description(
      "Sign an unsigned credential as an organization's issuer (operator); prints the signed credential",
    )
    .argument('<source>', 'the unsigned credential: a file or - for standard input')
    .addOption(
      new Option('--format <format>', 'proof format')
        .choices(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt'])
        .default('eddsa-rdfc-2022'),
    )
    .addOption(
      new Option('--jwt-algorithm <alg>', 'for vc-jwt')
        .choices(['EdDSA', 'RS256'])
        .default('EdDSA'),
    )
    .action(
      async (
        source: string,
        options: {
          format: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'vc-jwt';
          jwtAlgorithm: 'EdDSA' | 'RS256';
        },
      ) => {
        const unsigned = parseCredential(await readInput(source));
        if (typeof unsigned !== 'object' || unsigned === null)
          throw new ValidationError('An unsigned credential is a JSON object.');
        await withContext(async (ctx) => {
          const issued = await issueCredential(ctx, operator, unsigned as JsonObject, options);
          process.stdout.write(`${issued.signed}\n`);
        });
      },
    );

  program
    .command('revoke')
    .description(
      'Revoke a credential issued here (or suspend / reinstate it); the reason goes to the audit log',
    )
    .argument('<credential-id>', 'the UUID at the end of the credential id URL')
    .requiredOption('--reason <text>', 'why (kept in the audit log, not published)')
    .addOption(
      new Option('--action <action>', 'what to do')
        .choices(['revoke', 'suspend', 'unsuspend'])
        .default('revoke'),
    )
    .action(
      async (
        credentialId: string,
        options: { reason: string; action: 'revoke' | 'suspend' | 'unsuspend' },
      ) => {
        await withContext(async (ctx) => {
          const status = await changeCredentialStatus(
            ctx,
            operator,
            credentialId.split('/').at(-1)!,
            options.action,
            options.reason,
          );
          process.stdout.write(
            `Credential ${credentialId}: ${status.revoked ? 'revoked' : status.suspended ? 'suspended' : 'active'}.\n`,
          );
        });
      },
    );

  const keys = program.command('keys').description('Issuer signing keys');
  keys
    .command('rotate')
    .description(
      'Retire the organization’s signing keys and create new ones; old credentials keep verifying',
    )
    .requiredOption('--org <slug>', 'the organization')
    .action(async (options: { org: string }) => {
      await withContext(async (ctx) => {
        const profile = await rotateIssuerKeys(ctx, operator, options.org);
        process.stdout.write(
          `New signing key for ${options.org}. Credentials are now issued under:\n${String(profile.id)}\n`,
        );
      });
    });
}
