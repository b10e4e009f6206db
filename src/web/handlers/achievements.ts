import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AchievementInput } from '../../domain/achievement.ts';
import { achievementInputSchema } from '../../domain/achievement.ts';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import {
  createAchievement,
  listAchievements,
  replaceAchievement,
} from '../../services/achievements.ts';
import { getIssuerProfile } from '../../services/issuers/issuer-profile.ts';
import { getOrganization } from '../../services/organizations.ts';
import { type AchievementFormState, achievementForm } from '../pages/achievement-form.ts';
import { achievementPagePath, achievementsPage, notAllowedPage } from '../pages/achievements.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';
import {
  achievementFormErrors,
  achievementInputFromForm,
  formValuesOf,
} from './achievement-form-input.ts';
import { mountAwardForm, organizationAchievement, showAchievement } from './award.ts';

function refuse(c: WebContext, organization: { slug: string; name: string }, reason: string) {
  return render(
    c,
    { title: 'Not allowed', section: 'organizations' },
    notAllowedPage(organization, reason),
    403,
  );
}

function renderForm(
  c: WebContext,
  organization: { slug: string; name: string },
  editing: { id: string } | undefined,
  state: AchievementFormState,
  status: ContentfulStatusCode = 200,
) {
  const target = editing
    ? {
        action: `${achievementPagePath(organization.slug, editing.id)}/edit`,
        heading: 'Edit achievement',
        submit: 'Save changes',
      }
    : {
        action: `/organizations/${organization.slug}/achievements/new`,
        heading: 'New achievement',
        submit: 'Create achievement',
      };
  return render(
    c,
    { title: `${target.heading} · ${organization.name}`, section: 'organizations' },
    achievementForm(organization, target, csrfTokenOf(c), state),
    status,
  );
}

/**
 * Validates the posted definition and hands it to `save`; on a refusal the form comes back
 * with what was typed and each message next to its input.
 */
async function saveFromForm(
  c: WebContext,
  organization: { slug: string; name: string },
  editing: { id: string; definition: AchievementInput } | undefined,
  save: (input: AchievementInput) => Promise<{ id: string }>,
) {
  const form = await readForm(c);
  if (!formIsTrusted(c, form)) return formExpired(c);
  if (c.get('actor').kind === 'anonymous') return signInFirst(c);
  const { input, alignmentRows } = achievementInputFromForm(form);
  // The form does not show result descriptions; an edit keeps those the definition has.
  if (editing?.definition.resultDescriptions)
    input.resultDescriptions = editing.definition.resultDescriptions;
  const parsed = achievementInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors = achievementFormErrors(parsed.error, alignmentRows);
    return renderForm(c, organization, editing, { values: form, errors }, 400);
  }
  try {
    const saved = await save(parsed.data);
    return c.redirect(`${achievementPagePath(organization.slug, saved.id)}?saved=1`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return renderForm(
      c,
      organization,
      editing,
      { values: form, message: failure.message, errors: failure.errors },
      failure.status,
    );
  }
}

export function mountAchievementPages(app: Api) {
  app.get('/organizations/:slug/achievements', async (c) => {
    const ctx = c.get('ctx');
    const slug = c.req.param('slug');
    const organization = await getOrganization(ctx, slug);
    const rows = await listAchievements(ctx, slug);
    const profile = await getIssuerProfile(ctx, slug);
    const canManage = can(c.get('actor'), {
      action: 'achievement:manage',
      organizationId: organization.id,
    });
    return render(
      c,
      { title: `Achievements of ${organization.name}`, section: 'organizations' },
      achievementsPage(
        organization,
        rows.map((row) => ({ id: row.id, definition: row.definition as AchievementInput })),
        { canManage, issuerId: String(profile.id) },
      ),
    );
  });

  app.get('/organizations/:slug/achievements/new', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const organization = await getOrganization(c.get('ctx'), c.req.param('slug'));
    if (!can(c.get('actor'), { action: 'achievement:manage', organizationId: organization.id }))
      return refuse(c, organization, 'Only owners and issuers define achievements.');
    return renderForm(c, organization, undefined, { values: {} });
  });
  app.post('/organizations/:slug/achievements/new', async (c) => {
    const organization = await getOrganization(c.get('ctx'), c.req.param('slug'));
    return saveFromForm(c, organization, undefined, (input) =>
      createAchievement(c.get('ctx'), c.get('actor'), organization.slug, input),
    );
  });

  app.get('/organizations/:slug/achievements/:id', async (c) => {
    const { organization, row } = await organizationAchievement(c);
    return showAchievement(c, organization, row, {
      notice: c.req.query('saved') ? 'Saved. New awards use this definition.' : undefined,
    });
  });
  mountAwardForm(app);

  app.get('/organizations/:slug/achievements/:id/edit', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const { organization, row } = await organizationAchievement(c);
    if (!can(c.get('actor'), { action: 'achievement:manage', organizationId: organization.id }))
      return refuse(
        c,
        organization,
        'Only owners and issuers of its organization edit an achievement.',
      );
    return renderForm(c, organization, row, {
      values: formValuesOf(row.definition as AchievementInput),
    });
  });
  app.post('/organizations/:slug/achievements/:id/edit', async (c) => {
    const { organization, row } = await organizationAchievement(c);
    const editing = { id: row.id, definition: row.definition as AchievementInput };
    return saveFromForm(c, organization, editing, (input) =>
      replaceAchievement(c.get('ctx'), c.get('actor'), row.id, input),
    );
  });
}
