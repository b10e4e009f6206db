import type { Api } from '../../http/env.ts';
import { findCompetencies, getCompetencyDetail } from '../../services/frameworks/competencies.ts';
import { getFrameworkTree, listFrameworkViews } from '../../services/frameworks/frameworks.ts';
import { frameworkPage, frameworksPage, type SearchResult } from '../pages/frameworks.ts';
import { competencyPage } from '../pages/frameworks-competency.ts';
import { render, type WebContext } from '../render.ts';

/** A competency's URI is its page; machines asking for JSON get the API's document. */
function wantsJson(c: WebContext): boolean {
  const accept = c.req.header('accept') ?? '';
  return /application\/(ld\+)?json/.test(accept) && !accept.includes('text/html');
}

export function mountFrameworkPages(app: Api) {
  app.get('/frameworks', async (c) => {
    const ctx = c.get('ctx');
    const q = c.req.query('q')?.trim();
    let search: { q?: string; results?: SearchResult[]; error?: string } = {};
    if (q !== undefined && q !== '') {
      search =
        q.length < 2 || q.length > 200
          ? { q, error: 'Type between 2 and 200 characters.' }
          : { q, results: await findCompetencies(ctx, { q, limit: 50 }) };
    }
    return render(
      c,
      {
        title: search.q ? `“${search.q}” · Competency frameworks` : 'Competency frameworks',
        section: 'frameworks',
      },
      frameworksPage(await listFrameworkViews(ctx), search),
    );
  });

  app.get('/frameworks/:id', async (c) => {
    const { framework, tree } = await getFrameworkTree(c.get('ctx'), c.req.param('id'));
    return render(
      c,
      { title: framework.title, section: 'frameworks' },
      frameworkPage(framework, tree),
    );
  });

  app.get('/competencies/:id', async (c) => {
    const detail = await getCompetencyDetail(c.get('ctx'), c.req.param('id'));
    if (wantsJson(c)) return c.json(detail, 200, { vary: 'Accept' });
    c.header('vary', 'Accept');
    return render(
      c,
      { title: detail.competency.statement, section: 'frameworks' },
      competencyPage(detail),
    );
  });
}
