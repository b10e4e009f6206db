import type { Api } from '../../http/env.ts';
import { getOrganization } from '../../services/organizations.ts';
import { listRoleProfiles } from '../../services/role-profiles/index.ts';
import { searchTalent, type TalentSearchResult } from '../../services/talent-search/search.ts';
import { viewCandidate } from '../../services/talent-search/view-candidate.ts';
import type { FieldErrors } from '../forms.ts';
import { candidatePage, type TalentSearchForm, talentSearchPage } from '../pages/talent-search.ts';
import { formFailure, render, signInFirst } from '../render.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Employer pages: the search form and results (a GET form, so results can be bookmarked and the
 * back button works) and a candidate's profile.
 */
export function mountTalentSearchPages(app: Api) {
  app.get('/organizations/:slug/talent', async (c) => {
    if (c.get('actor').kind === 'anonymous')
      return signInFirst(c, c.req.url.replace(/^https?:\/\/[^/]+/, ''));
    const ctx = c.get('ctx');
    const actor = c.get('actor');
    const organization = await getOrganization(ctx, c.req.param('slug'));
    const q = (key: string) => (c.req.query(key) ?? '').trim();
    const form: TalentSearchForm = {
      jobProfileId: q('jobProfileId'),
      skills: q('skills'),
      achievement: q('achievement'),
      issuer: q('issuer'),
      since: q('since'),
    };
    const jobProfiles = await listRoleProfiles(ctx, actor, {
      organizationSlug: organization.slug,
    }).catch(() => []);
    const asked = Object.values(form).some((v) => v !== '');
    let result: TalentSearchResult | null = null;
    let state: { message?: string; errors?: FieldErrors } = {};
    let status: 200 | 400 | 403 | 429 = 200;
    if (asked) {
      const errors: FieldErrors = {};
      if (form.jobProfileId && !uuid.test(form.jobProfileId))
        errors.jobProfileId = 'Job profile: choose one from the list';
      if (form.since && !/^\d{4}-\d{2}-\d{2}$/.test(form.since))
        errors.since = 'Issued since: a date like 2026-01-31';
      if (form.skills.length > 20_000) errors.skills = 'Skills: at most 50 lines';
      if (Object.keys(errors).length > 0) {
        state = { message: 'Please correct the following:', errors };
        status = 400;
      } else {
        try {
          result = await searchTalent(ctx, actor, organization.slug, {
            ...(form.jobProfileId ? { jobProfileId: form.jobProfileId } : {}),
            skills: form.skills
              .split(/\s*\n\s*/)
              .filter(Boolean)
              .slice(0, 50),
            achievements: form.achievement ? [form.achievement.slice(0, 200)] : [],
            issuers: form.issuer ? [form.issuer.slice(0, 500)] : [],
            ...(form.since ? { issuedSince: form.since } : {}),
          });
        } catch (error) {
          const failure = formFailure(error);
          state = { message: failure.message, errors: failure.errors };
          status = failure.status === 403 ? 403 : failure.status === 429 ? 429 : 400;
        }
      }
    }
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: 'Talent search', section: 'organizations' },
      talentSearchPage(organization, jobProfiles, form, result, state),
      status,
    );
  });

  app.get('/organizations/:slug/talent/candidates/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const organization = await getOrganization(ctx, c.req.param('slug'));
    const id = c.req.param('id');
    if (!uuid.test(id)) return c.notFound();
    const candidate = await viewCandidate(ctx, c.get('actor'), organization.slug, id);
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      { title: candidate.name ?? 'Candidate', section: 'organizations' },
      candidatePage(organization, candidate),
    );
  });
}
