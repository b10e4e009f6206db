import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SkillmarkError, ValidationError } from '../../domain/errors.ts';
import type { Api } from '../../http/env.ts';
import { listAchievements } from '../../services/achievements.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  createPathway,
  createRecognitionRule,
  listOrganizationRecognitionRules,
  listPathways,
  parsePathwayInput,
  recognitionRuleInputSchema,
} from '../../services/pathways/manage.ts';
import { getPathwayMap } from '../../services/pathways/progress.ts';
import type { FieldErrors } from '../forms.ts';
import { type PathwayPageState, pathwaysIssuerPage } from '../pages/pathway-issuer.ts';
import { pathwayMapPage } from '../pages/pathway-map.ts';
import {
  csrfTokenOf,
  formExpired,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function showIssuerPage(
  c: WebContext,
  slug: string,
  state: PathwayPageState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const organization = await getOrganization(ctx, slug);
  const [pathways, rules, achievements] = await Promise.all([
    listPathways(ctx, slug),
    listOrganizationRecognitionRules(ctx, slug),
    listAchievements(ctx, slug),
  ]);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: `Pathways · ${organization.name}`, section: 'organizations' },
    pathwaysIssuerPage(organization, pathways, rules, achievements, csrfTokenOf(c), state),
    status,
  );
}

/** A refusal as form errors: every issue under its top-level field (`requirement.of[1]` → requirement). */
function failureOf(error: unknown): {
  message: string;
  errors: FieldErrors;
  status: ContentfulStatusCode;
} {
  if (!(error instanceof SkillmarkError) || error.code === 'internal') throw error;
  const errors: FieldErrors = {};
  for (const f of error.fields ?? []) {
    const name = f.field.split(/[.[]/)[0] || 'form';
    const text = `${f.field}: ${f.message}`;
    errors[name] = errors[name] ? `${errors[name]}; ${text}` : text;
  }
  const status: ContentfulStatusCode =
    error.code === 'forbidden' ? 403 : error.code === 'not_found' ? 404 : 400;
  return { message: error.message, errors, status };
}

function parseTree(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError('The requirements are not valid JSON.', [
      { field: 'requirement', message: `not valid JSON (${(error as Error).message})` },
    ]);
  }
}

export function mountPathwayPages(app: Api) {
  app.get('/organizations/:slug/pathways', (c) => showIssuerPage(c, c.req.param('slug')));

  app.post('/organizations/:slug/pathways', async (c) => {
    const slug = c.req.param('slug');
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    try {
      const input = parsePathwayInput({
        title: form.title ?? '',
        description: form.description ?? '',
        achievementId: form.achievementId ?? '',
        requirement: parseTree(form.requirement ?? ''),
      });
      const row = await createPathway(c.get('ctx'), c.get('actor'), slug, input);
      return c.redirect(`/organizations/${slug}/pathways#pathway-${row.id}`, 303);
    } catch (error) {
      const failure = failureOf(error);
      return showIssuerPage(
        c,
        slug,
        { pathwayForm: { values: form, errors: failure.errors, message: failure.message } },
        failure.status,
      );
    }
  });

  app.post('/organizations/:slug/recognition-rules', async (c) => {
    const slug = c.req.param('slug');
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    try {
      const parsed = recognitionRuleInputSchema.safeParse({
        externalIssuerId: form.externalIssuerId ?? '',
        ...(form.externalAchievementId?.trim()
          ? { externalAchievementId: form.externalAchievementId }
          : {}),
        ...(form.countsAsAchievementId
          ? { countsAsAchievementId: form.countsAsAchievementId }
          : {}),
        matchAlignments: form.matchAlignments === 'true',
      });
      if (!parsed.success)
        throw new ValidationError(
          'Check the rule.',
          parsed.error.issues.map((i) => ({
            field: String(i.path[0] ?? 'form'),
            message: i.message,
          })),
        );
      await createRecognitionRule(c.get('ctx'), c.get('actor'), slug, parsed.data);
      return showIssuerPage(c, slug, { notice: 'The recognition rule was added.' });
    } catch (error) {
      const failure = failureOf(error);
      return showIssuerPage(
        c,
        slug,
        { ruleForm: { values: form, errors: failure.errors, message: failure.message } },
        failure.status,
      );
    }
  });

  app.get('/pathways/:id', async (c) => {
    if (c.get('actor').kind !== 'account') return signInFirst(c);
    const map = await getPathwayMap(c.get('ctx'), c.get('actor'), c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return render(c, { title: map.pathway.title, section: 'learn' }, pathwayMapPage(map));
  });
}
