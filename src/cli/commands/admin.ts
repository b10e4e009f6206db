import { type Command, Option } from 'commander';
import { type OrganizationRole, organizationRoles } from '../../domain/policy.ts';
import { createApiToken } from '../../services/api-tokens.ts';
import { withContext } from '../with-context.ts';

export function registerAdminCommands(program: Command) {
  const admin = program
    .command('admin')
    .description('Operator tasks that need access to the server, not an account');
  admin
    .command('create-token')
    .description(
      'Create an API token for an organization; the token is printed alone on the last line',
    )
    .requiredOption('--org <slug>', 'the organization the token acts for')
    .addOption(
      new Option('--role <role>', 'the role the token acts with')
        .choices(organizationRoles)
        .makeOptionMandatory(),
    )
    .option('--name <name>', 'what the token is for', 'created with skillmark admin create-token')
    .option('--expires-in-days <days>', 'expire after this many days (default: never)', (value) => {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 1)
        throw new Error('--expires-in-days must be a whole number of days');
      return days;
    })
    .action(
      async (options: {
        org: string;
        role: OrganizationRole;
        name: string;
        expiresInDays?: number;
      }) => {
        await withContext(async (ctx) => {
          const created = await createApiToken(ctx, { kind: 'admin-token' }, options.org, {
            name: options.name,
            role: options.role,
            expiresInDays: options.expiresInDays,
          });
          process.stdout.write(
            `Created ${options.role} token "${options.name}" for ${options.org} (id ${created.token.id}). It is shown once:\n`,
          );
          process.stdout.write(`${created.secret}\n`);
        });
      },
    );
}
