import { readFileSync } from 'node:fs';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NotFoundError } from '../../domain/errors.ts';
import type { Api } from '../../http/env.ts';
import { listAchievements } from '../../services/achievements.ts';
import {
  type BulkAwardSummary,
  createBulkAward,
  getBulkAward,
  getFailedRows,
  getRejectedRows,
  getRejectedRowsCsv,
  listBulkAwards,
  retryFailedRows,
  startBulkAward,
} from '../../services/bulk-awards/manage.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  type BulkAwardListState,
  bulkAwardHead,
  bulkAwardListPage,
  bulkAwardPage,
  bulkAwardPath,
} from '../pages/bulk-awards.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readUploadForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

const script = readFileSync(new URL('../assets/bulk-award.js', import.meta.url));
const formats = new Set(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'vc-jwt']);

async function showList(
  c: WebContext,
  slug: string,
  state: BulkAwardListState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const organization = await getOrganization(ctx, slug);
  const jobs = await listBulkAwards(ctx, c.get('actor'), slug);
  const achievements = (await listAchievements(ctx, slug))
    .filter((row) => !row.archivedAt)
    .map((row) => ({ id: row.id, name: row.name }));
  return render(
    c,
    { title: `Bulk awards · ${organization.name}`, section: 'organizations' },
    bulkAwardListPage({ organization, achievements, jobs, csrfToken: csrfTokenOf(c), state }),
    status,
  );
}

/** The job at `:id`, when it belongs to the organization at `:slug`. */
async function jobOf(c: WebContext): Promise<BulkAwardSummary> {
  const job = await getBulkAward(c.get('ctx'), c.get('actor'), c.req.param('id')!);
  if (job.organizationSlug !== c.req.param('slug'))
    throw new NotFoundError('There is no bulk award with this id in this organization.');
  return job;
}

async function showJob(c: WebContext, message?: string, status: ContentfulStatusCode = 200) {
  const ctx = c.get('ctx');
  const job = await jobOf(c);
  const organization = await getOrganization(ctx, job.organizationSlug);
  const [rejected, failed] = await Promise.all([
    getRejectedRows(ctx, c.get('actor'), job.id),
    getFailedRows(ctx, c.get('actor'), job.id),
  ]);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    {
      title: `Bulk award · ${organization.name}`,
      section: 'organizations',
      head: bulkAwardHead(job),
    },
    bulkAwardPage({ organization, job, rejected, failed, csrfToken: csrfTokenOf(c), message }),
    status,
  );
}

export function mountBulkAwardPages(app: Api) {
  app.get('/assets/bulk-award.js', (c) =>
    c.body(script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

  app.get('/organizations/:slug/bulk-awards', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showList(c, c.req.param('slug'));
  });

  app.post('/organizations/:slug/bulk-awards', async (c) => {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') return signInFirst(c);
    const slug = c.req.param('slug');
    const { form, file } = await readUploadForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const values = { achievementId: form.achievementId ?? '', format: form.format ?? '' };
    if (!file)
      return showList(
        c,
        slug,
        {
          message: 'Choose the CSV file to upload.',
          errors: { file: 'CSV file is required' },
          values,
        },
        400,
      );
    try {
      const job = await createBulkAward(c.get('ctx'), actor, slug, {
        csv: new TextDecoder().decode(file.bytes),
        fileName: file.name,
        achievementId: form.achievementId || undefined,
        format: formats.has(form.format ?? '') ? (form.format as 'eddsa-rdfc-2022') : undefined,
      });
      return c.redirect(bulkAwardPath(slug, job.id), 303);
    } catch (error) {
      const failure = formFailure(error);
      return showList(c, slug, { ...failure, values }, failure.status);
    }
  });

  app.get('/organizations/:slug/bulk-awards/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showJob(c);
  });

  app.get('/organizations/:slug/bulk-awards/:id/rejected-rows.csv', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const job = await jobOf(c);
    const csv = await getRejectedRowsCsv(c.get('ctx'), c.get('actor'), job.id);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rejected-rows-${job.id}.csv"`,
      'cache-control': 'no-store',
    });
  });

  for (const [action, run] of [
    ['start', startBulkAward],
    ['retry', retryFailedRows],
  ] as const) {
    app.post(`/organizations/:slug/bulk-awards/:id/${action}`, async (c) => {
      const actor = c.get('actor');
      if (actor.kind === 'anonymous') return signInFirst(c);
      const form = Object.fromEntries(
        Object.entries(await c.req.parseBody()).filter(([, v]) => typeof v === 'string'),
      );
      if (!formIsTrusted(c, form)) return formExpired(c);
      const job = await jobOf(c);
      try {
        await run(c.get('ctx'), actor, job.id);
        return c.redirect(bulkAwardPath(job.organizationSlug, job.id), 303);
      } catch (error) {
        const failure = formFailure(error);
        return showJob(c, failure.message, failure.status);
      }
    });
  }
}
