import { NotFoundError } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { findCompetencies } from '../../services/frameworks/competencies.ts';
import { understandGoal } from '../../services/goals/understand-goal.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  createRoleProfile,
  deleteRoleProfile,
  getRoleProfile,
  listRoleProfiles,
  type RoleProfile,
  updateRoleProfile,
} from '../../services/role-profiles/index.ts';
import {
  type JobProfileState,
  jobProfileEditPage,
  jobProfilesPage,
} from '../pages/job-profiles.ts';
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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function organizationOf(c: WebContext) {
  const organization = await getOrganization(c.get('ctx'), c.req.param('slug')!);
  const canManage = can(c.get('actor'), {
    action: 'role-profile:manage',
    organizationId: organization.id,
  });
  return { organization, canManage };
}

async function showList(c: WebContext, state: JobProfileState = {}, status: 200 | 400 | 403 = 200) {
  const ctx = c.get('ctx');
  const { organization, canManage } = await organizationOf(c);
  const profiles = await listRoleProfiles(ctx, c.get('actor'), {
    organizationSlug: organization.slug,
  });
  const occupationQuery = (c.req.query('occupation') ?? '').trim().slice(0, 200);
  const occupations = occupationQuery
    ? (await understandGoal(ctx, occupationQuery, { limit: 8 })).occupations
    : [];
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'Job profiles', section: 'organizations' },
    jobProfilesPage(
      organization,
      profiles,
      occupationQuery,
      occupations,
      canManage,
      csrfTokenOf(c),
      state,
    ),
    status,
  );
}

async function showProfile(
  c: WebContext,
  profile?: RoleProfile,
  state: JobProfileState = {},
  status: 200 | 400 | 403 = 200,
) {
  const ctx = c.get('ctx');
  const { organization, canManage } = await organizationOf(c);
  const shown = profile ?? (await profileOf(c, organization.id));
  const skillQuery = (c.req.query('skillQuery') ?? '').trim().slice(0, 200);
  const hits = skillQuery ? await findCompetencies(ctx, { q: skillQuery, limit: 10 }) : [];
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: shown.title, section: 'organizations' },
    jobProfileEditPage(organization, shown, skillQuery, hits, canManage, csrfTokenOf(c), state),
    status,
  );
}

/** The profile named in the path, only if it belongs to the organization in the path. */
async function profileOf(c: WebContext, organizationId: string): Promise<RoleProfile> {
  const id = c.req.param('id')!;
  const profile = uuid.test(id) ? await getRoleProfile(c.get('ctx'), c.get('actor'), id) : null;
  if (profile?.owner.kind !== 'organization' || profile.owner.organizationId !== organizationId)
    throw new NotFoundError('There is no such job profile in this organization.');
  return profile;
}

function skillsOf(profile: RoleProfile) {
  return profile.skills.map((s) => ({
    competencyId: s.competencyId,
    importance: s.importance,
    minLevel: s.minLevel,
  }));
}

/** Employer pages for job profiles, built on the role-profile service (issue 8 item 3). */
/** Applies an edit, then back to the profile; a refused edit shows the form with the reason. */
async function saveProfile(
  c: WebContext,
  organizationSlug: string,
  profile: RoleProfile,
  patch: Record<string, unknown>,
) {
  try {
    await updateRoleProfile(c.get('ctx'), c.get('actor'), profile.id, patch);
    return c.redirect(`/organizations/${organizationSlug}/job-profiles/${profile.id}?saved=1`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return showProfile(
      c,
      profile,
      { message: failure.message, errors: failure.errors },
      failure.status === 403 ? 403 : 400,
    );
  }
}

export function mountJobProfilePages(app: Api) {
  app.get('/organizations/:slug/job-profiles', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showList(c, c.req.query('deleted') ? { notice: 'Job profile deleted.' } : {});
  });

  app.post('/organizations/:slug/job-profiles', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    try {
      const created = await createRoleProfile(c.get('ctx'), c.get('actor'), {
        owner: { organizationSlug: c.req.param('slug') },
        title: (form.title ?? '').trim(),
        ...(form.description?.trim() ? { description: form.description.trim() } : {}),
        ...(form.fromOccupationId ? { fromOccupationId: form.fromOccupationId } : {}),
      });
      return c.redirect(
        `/organizations/${c.req.param('slug')}/job-profiles/${created.id}?created=1`,
        303,
      );
    } catch (error) {
      const failure = formFailure(error);
      return showList(
        c,
        { message: failure.message, errors: failure.errors },
        failure.status === 403 ? 403 : 400,
      );
    }
  });

  app.get('/organizations/:slug/job-profiles/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const notice = c.req.query('created')
      ? 'Job profile created.'
      : c.req.query('saved')
        ? 'Saved.'
        : undefined;
    return showProfile(c, undefined, notice ? { notice } : {});
  });

  app.post('/organizations/:slug/job-profiles/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const body = await c.req.parseBody({ all: true });
    const text = (key: string) =>
      typeof body[key] === 'string' ? (body[key] as string).trim() : '';
    if (!formIsTrusted(c, { _csrf: text('_csrf') })) return formExpired(c);
    const { organization } = await organizationOf(c);
    const profile = await profileOf(c, organization.id);
    const skills = profile.skills.flatMap((s) => {
      const importance = text(`importance-${s.competencyId}`) || s.importance;
      if (importance === 'remove') return [];
      const minLevel = text(`minLevel-${s.competencyId}`);
      return [{ competencyId: s.competencyId, importance, minLevel: minLevel || null }];
    });
    return saveProfile(c, organization.slug, profile, {
      title: text('title'),
      description: text('description') || null,
      skills,
    });
  });

  app.post('/organizations/:slug/job-profiles/:id/skills', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const { organization } = await organizationOf(c);
    const profile = await profileOf(c, organization.id);
    const others = skillsOf(profile).filter((s) => s.competencyId !== form.competencyId);
    return saveProfile(c, organization.slug, profile, {
      skills: [
        ...others,
        { competencyId: form.competencyId ?? '', importance: form.importance ?? '' },
      ],
    });
  });

  app.post('/organizations/:slug/job-profiles/:id/delete', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const { organization } = await organizationOf(c);
    const profile = await profileOf(c, organization.id);
    await deleteRoleProfile(c.get('ctx'), c.get('actor'), profile.id);
    return c.redirect(`/organizations/${organization.slug}/job-profiles?deleted=1`, 303);
  });
}
