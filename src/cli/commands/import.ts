import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { importCasePackage } from '../../services/frameworks/case-package.ts';
import { type EscoImportProgress, importEsco } from '../../services/frameworks/esco-import.ts';
import { withContext } from '../with-context.ts';

const operator = { kind: 'admin-token' } as const;

/** Rows, rate and ETA on stderr (only on a terminal), so stdout keeps just the summary. */
function progressBar() {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | {file}',
      etaBuffer: 50,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(progress: EscoImportProgress) {
      const payload = {
        rows: progress.rows.toLocaleString('en'),
        rate: Math.round(
          progress.rows / ((performance.now() - started) / 1000 || 1),
        ).toLocaleString('en'),
        file: progress.file,
      };
      if (!running) {
        bar.start(progress.totalBytes, progress.bytes, payload);
        running = true;
      } else bar.update(progress.bytes, payload);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

export function registerImportCommands(program: Command) {
  const importCommand = program
    .command('import')
    .description('Import competency frameworks (ESCO classification, CASE packages)');

  importCommand
    .command('esco')
    .description(
      'Import (or update) the ESCO classification from its official CSV zips or a directory of CSVs, as the read-only platform framework; one transaction, safe to repeat',
    )
    .argument(
      '<paths...>',
      'v1xx_classification_<lang>.zip, a directory holding the zips or the CSV files (.csv or .csv.gz)',
    )
    .option('--relations <zip>', 'the relations zip (v1xx_relations.zip), if not among <paths>')
    .option(
      '--esco-version <version>',
      'the ESCO release, when the file names do not say (e.g. 1.1.1)',
    )
    .action(async (paths: string[], options: { relations?: string; escoVersion?: string }) => {
      await withContext(async (ctx) => {
        const bar = progressBar();
        const started = performance.now();
        try {
          const summary = await importEsco(
            ctx,
            operator,
            options.relations ? [...paths, options.relations] : paths,
            { version: options.escoVersion, onProgress: (p) => bar.update(p) },
          );
          bar.stop();
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const i = summary.imported;
          process.stdout.write(
            [
              `${summary.created ? 'Imported' : 'Updated'} "${summary.framework.title}"${summary.framework.version ? ` ${summary.framework.version}` : ''} (framework ${summary.framework.id}) in ${seconds} s from:`,
              ...summary.files.map((f) => `  ${f}`),
              `  ${i.skills} skills, ${i.skillGroups} skill groups, ${i.hierarchyLinks} hierarchy links, ${i.skillRelations} skill relations`,
              `  ${i.occupations} occupations, ${i.occupationSkills} occupation–skill relations`,
              ...(summary.skipped.occupationSkills + summary.skipped.links + summary.skipped.rows >
              0
                ? [
                    `  skipped: ${summary.skipped.occupationSkills} occupation–skill relations and ${summary.skipped.links} links naming a concept absent from the files, ${summary.skipped.rows} rows without a URI or label`,
                  ]
                : []),
              `The framework now holds ${summary.totals.competencies} competencies, ${summary.totals.associations} associations, ${summary.totals.occupations} occupations, ${summary.totals.occupationSkills} occupation–skill relations.`,
              summary.attribution,
              '',
            ].join('\n'),
          );
        } finally {
          bar.stop();
        }
      });
    });

  importCommand
    .command('case')
    .description(
      'Import (or update) a CASE 1.0/1.1 CFPackage (JSON) as a read-only framework of an organization; prints each rejected item with its reason',
    )
    .argument('<file>', 'the CFPackage JSON file')
    .requiredOption('--org <slug>', 'the organization that owns the framework')
    .action(async (file: string, options: { org: string }) => {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new ValidationError(`${file} cannot be read as JSON: ${(error as Error).message}`);
      }
      await withContext(async (ctx) => {
        const report = await importCasePackage(ctx, operator, options.org, input);
        const { items, associations } = report.counts;
        process.stdout.write(
          [
            `${report.created ? 'Imported' : 'Updated'} "${report.framework.title}" (framework ${report.framework.id}) for ${options.org}:`,
            `  items: ${items.imported} of ${items.received} imported, ${items.rejected} rejected`,
            `  associations: ${associations.imported} of ${associations.received} imported, ${associations.rejected} rejected`,
            ...report.rejected.map(
              (r) =>
                `  rejected ${r.kind} #${r.index}${r.identifier ? ` (${r.identifier})` : ''}: ${r.reason}`,
            ),
            '',
          ].join('\n'),
        );
      });
    });
}
