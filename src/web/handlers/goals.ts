import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SkillmarkError } from '../../domain/errors.ts';
import type { Api } from '../../http/env.ts';
import { understandGoal } from '../../services/goals/understand-goal.ts';
import { setGoalSettings } from '../../services/proven-skills/index.ts';
import { createGoal, deleteGoal, listGoals } from '../../services/recommendations/goals.ts';
import { getGoalRecommendation } from '../../services/recommendations/recommend-for-goal.ts';
import { listRoleProfiles } from '../../services/role-profiles/index.ts';
import { goalDetailPage } from '../pages/goal-detail.ts';
import { type GoalsPageState, goalsPage } from '../pages/goals.ts';
import {
  csrfTokenOf,
  formExpired,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

async function showGoals(
  c: WebContext,
  state: GoalsPageState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const [goals, profiles] = await Promise.all([
    listGoals(ctx, actor),
    listRoleProfiles(ctx, actor, 'me'),
  ]);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: 'My goals', section: 'learn' },
    goalsPage(goals, profiles, csrfTokenOf(c), state),
    status,
  );
}

const optionalNumber = (value: string | undefined) =>
  value && value.trim() !== '' ? Number(value) : undefined;

function refusal(error: unknown): { message: string; status: ContentfulStatusCode } {
  if (!(error instanceof SkillmarkError) || error.code === 'internal') throw error;
  return { message: error.message, status: error.code === 'not_found' ? 404 : 400 };
}

export function mountGoalPages(app: Api) {
  app.get('/goals', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/goals');
    return showGoals(c);
  });

  app.post('/goals/understand', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/goals');
    const text = (form.text ?? '').trim().slice(0, 2000);
    if (!text) return showGoals(c, { message: 'Type the job you want first.' }, 400);
    const { occupations } = await understandGoal(c.get('ctx'), text, { limit: 8 });
    return showGoals(c, { text, candidates: occupations });
  });

  app.post('/goals', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/goals');
    const [kind, id] = (form.target ?? '').split(':');
    try {
      const goal = await createGoal(c.get('ctx'), c.get('actor'), {
        ...(kind === 'role-profile' ? { roleProfileId: id } : { occupationId: id }),
        ...(form.statedText ? { statedText: form.statedText } : {}),
      });
      return c.redirect(`/goals/${goal.id}`, 303);
    } catch (error) {
      return showGoals(c, { message: refusal(error).message }, 400);
    }
  });

  app.post('/goals/settings', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const actor = c.get('actor');
    if (actor.kind !== 'account') return signInFirst(c, '/goals');
    await setGoalSettings(c.get('ctx'), actor, actor.accountId, {
      countInProgressMastery: form.countInProgressMastery === 'true',
    });
    const back = form.back && /^\/goals\/[0-9a-f-]{36}$/.test(form.back) ? form.back : '/goals';
    return c.redirect(back, 303);
  });

  app.post('/goals/:id/delete', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/goals');
    await deleteGoal(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect('/goals', 303);
  });

  app.get('/goals/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const q = c.req.query();
    const optimize = q.optimize === 'cost' ? 'cost' : 'workload';
    try {
      const data = await getGoalRecommendation(c.get('ctx'), c.get('actor'), c.req.param('id'), {
        optimize,
        budgetHours: optionalNumber(q.budgetHours),
        budgetAmount: optionalNumber(q.budgetAmount),
        excludeIssuers: (q.excludeIssuers ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      c.header('Cache-Control', 'no-store');
      return render(
        c,
        { title: `Goal: ${data.goal.target.label}`, section: 'learn' },
        goalDetailPage(data, csrfTokenOf(c)),
      );
    } catch (error) {
      const failure = refusal(error);
      if (failure.status === 404) throw error;
      return showGoals(c, { message: failure.message }, 400);
    }
  });
}
