import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import {
  type Answers,
  answersSchema,
  quizItemInputSchema,
  quizSettingsSchema,
} from '../../domain/learning/quiz.ts';
import type { Api } from '../../http/env.ts';
import {
  getAttempt,
  getAttemptLog,
  listOwnAttempts,
  startAttempt,
  submitAttempt,
} from '../../services/learning/attempts.ts';
import { getLearnerProgress } from '../../services/learning/progress.ts';
import {
  addQuizItem,
  competencyChoices,
  createQuiz,
  getAssessment,
  listAssessments,
  listQuizItemsForIssuer,
} from '../../services/learning/quizzes.ts';
import { readMailbox } from '../../services/notifications/mailbox.ts';
import { getOrganization } from '../../services/organizations.ts';
import type { FieldErrors } from '../forms.ts';
import { learningDashboardPage } from '../pages/learning-dashboard.ts';
import { assessmentsPage, quizItemsPage } from '../pages/learning-issuer.ts';
import { mailboxPage } from '../pages/learning-mailbox.ts';
import { attemptFormPage, attemptResultPage, quizStartPage } from '../pages/learning-quiz.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

/** Repeated fields (checkboxes) arrive as arrays; everything else as text. */
async function readAnswerForm(c: WebContext) {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (Array.isArray(value))
      fields[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return fields;
}

async function readTextForm(c: WebContext): Promise<Record<string, string>> {
  const body = await readAnswerForm(c);
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]),
  );
}

/** Form fields `answer.<itemId>` → the API's answers; blank answers are left out (unanswered). */
export function answersFromForm(fields: Record<string, string | string[]>): Answers {
  return Object.entries(fields)
    .filter(([key]) => key.startsWith('answer.'))
    .flatMap(([key, value]): Answers => {
      const itemId = key.slice('answer.'.length);
      if (Array.isArray(value)) return value.length > 0 ? [{ itemId, value }] : [];
      return value.trim() === '' ? [] : [{ itemId, value: value.trim() }];
    });
}

const optionalInt = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : Number(v)),
  z.number().optional(),
);

const quizForm = z.object({
  title: z.string(),
  instructions: z.string().default(''),
  passScore: z.preprocess((v) => (v === '' ? undefined : Number(v) / 100), z.number()),
  timeLimitMinutes: optionalInt,
  maxAttempts: optionalInt,
  cooldownMinutes: optionalInt,
  itemsPerCompetency: optionalInt,
});

/** The add-question form, in the API's item shape (validated by the same schema). */
export function itemFromForm(form: Record<string, string>) {
  const lines = (text = '') =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  const base = {
    kind: form.kind,
    competencyId: form.competencyId,
    prompt: form.prompt,
    points: form.points ? Number(form.points) : undefined,
  };
  if (form.kind === 'single' || form.kind === 'multiple')
    return {
      ...base,
      options: lines(form.options).map((line) =>
        line.startsWith('*') ? { text: line.slice(1).trim(), correct: true } : { text: line },
      ),
    };
  if (form.kind === 'numeric')
    return {
      ...base,
      answer: form.answer?.trim() ? Number(form.answer.replace(',', '.')) : undefined,
      tolerance: form.tolerance?.trim() ? Number(form.tolerance.replace(',', '.')) : undefined,
    };
  return { ...base, acceptedAnswers: lines(form.acceptedAnswers) };
}

async function showQuizStart(c: WebContext, message?: string, status: ContentfulStatusCode = 200) {
  const ctx = c.get('ctx');
  const quiz = await getAssessment(ctx, c.req.param('id')!);
  if (quiz.kind !== 'quiz') return c.redirect(`/assessments/${quiz.id}/submit`, 303);
  const own =
    c.get('actor').kind === 'account'
      ? await listOwnAttempts(ctx, c.get('actor'), quiz.id)
      : undefined;
  return render(
    c,
    { title: quiz.title },
    quizStartPage(quiz, own, csrfTokenOf(c), message),
    status,
  );
}

async function showAttempt(c: WebContext, message?: string, status: ContentfulStatusCode = 200) {
  const ctx = c.get('ctx');
  const attempt = await getAttempt(ctx, c.get('actor'), c.req.param('id')!);
  const quiz = await getAssessment(ctx, attempt.assessmentId);
  c.header('Cache-Control', 'no-store');
  const own = c.get('actor').kind === 'account';
  if (attempt.status === 'open' && own)
    return render(
      c,
      { title: `${quiz.title}: attempt` },
      attemptFormPage(quiz, attempt, csrfTokenOf(c), message),
      status,
    );
  return render(
    c,
    { title: `${quiz.title}: result` },
    attemptResultPage(quiz, attempt, message),
    status,
  );
}

async function showAssessments(
  c: WebContext,
  form: Parameters<typeof assessmentsPage>[3] = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  const organization = await getOrganization(ctx, slug);
  // Only those who manage quizzes see this page (the check is the service's).
  await competencyChoices(ctx, c.get('actor'), slug);
  const assessments = await listAssessments(ctx, slug);
  return render(
    c,
    { title: `Assessments of ${organization.name}`, section: 'organizations' },
    assessmentsPage(organization, assessments, csrfTokenOf(c), form),
    status,
  );
}

async function showQuizItems(
  c: WebContext,
  form: Parameters<typeof quizItemsPage>[6] = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const actor = c.get('actor');
  const slug = c.req.param('slug')!;
  const organization = await getOrganization(ctx, slug);
  const quiz = await getAssessment(ctx, c.req.param('id')!);
  const items = await listQuizItemsForIssuer(ctx, actor, quiz.id);
  const competencies = await competencyChoices(ctx, actor, slug);
  const attempts = await getAttemptLog(ctx, actor, quiz.id);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: quiz.title, section: 'organizations' },
    quizItemsPage(organization, quiz, items, competencies, attempts, csrfTokenOf(c), form),
    status,
  );
}

function failure(error: unknown) {
  const f = formFailure(error);
  return { message: f.message, errors: f.errors as FieldErrors, status: f.status };
}

export function mountLearningPages(app: Api) {
  app.get('/learn', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/learn');
    const progress = await getLearnerProgress(c.get('ctx'), c.get('actor'));
    return render(c, { title: 'My learning', section: 'learn' }, learningDashboardPage(progress));
  });

  app.get('/assessments/:id', (c) => showQuizStart(c));
  app.post('/assessments/:id/attempts', async (c) => {
    const form = await readTextForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous')
      return signInFirst(c, `/assessments/${c.req.param('id')}`);
    try {
      const { attempt } = await startAttempt(c.get('ctx'), c.get('actor'), c.req.param('id'));
      return c.redirect(`/attempts/${attempt.id}`, 303);
    } catch (error) {
      const f = failure(error);
      return showQuizStart(c, f.message, f.status);
    }
  });

  app.get('/attempts/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous')
      return signInFirst(c, `/attempts/${c.req.param('id')}`);
    return showAttempt(c);
  });
  app.post('/attempts/:id', async (c) => {
    const fields = await readAnswerForm(c);
    if (!formIsTrusted(c, fields)) return formExpired(c);
    const answers = answersSchema.safeParse({ answers: answersFromForm(fields) });
    if (!answers.success) return showAttempt(c, 'Some answers are too long or malformed.', 400);
    try {
      await submitAttempt(c.get('ctx'), c.get('actor'), c.req.param('id'), answers.data.answers);
      return c.redirect(`/attempts/${c.req.param('id')}`, 303);
    } catch (error) {
      const f = failure(error);
      return showAttempt(c, f.message, f.status);
    }
  });

  app.get('/organizations/:slug/assessments', async (c) => {
    if (c.get('actor').kind === 'anonymous')
      return signInFirst(c, `/organizations/${c.req.param('slug')}/assessments`);
    return showAssessments(c);
  });
  app.post('/organizations/:slug/assessments', async (c) => {
    const form = await readTextForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = quizForm.safeParse(form);
    const settings = parsed.success
      ? quizSettingsSchema.safeParse({
          passScore: parsed.data.passScore,
          timeLimitMinutes: parsed.data.timeLimitMinutes,
          maxAttempts: parsed.data.maxAttempts,
          cooldownMinutes: parsed.data.cooldownMinutes,
          itemsPerCompetency: parsed.data.itemsPerCompetency,
        })
      : undefined;
    if (!parsed.success || !settings?.success)
      return showAssessments(
        c,
        {
          values: form,
          errors: parsed.success ? fieldErrorsOf(settings!.error!) : fieldErrorsOf(parsed.error),
        },
        400,
      );
    try {
      const quiz = await createQuiz(c.get('ctx'), c.get('actor'), c.req.param('slug'), {
        kind: 'quiz',
        title: parsed.data.title.trim(),
        instructions: parsed.data.instructions.trim(),
        competencyIds: [],
        settings: settings.data,
      });
      return c.redirect(`/organizations/${c.req.param('slug')}/assessments/${quiz.id}`, 303);
    } catch (error) {
      const f = failure(error);
      return showAssessments(c, { values: form, message: f.message, errors: f.errors }, f.status);
    }
  });

  app.get('/organizations/:slug/assessments/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous')
      return signInFirst(
        c,
        `/organizations/${c.req.param('slug')}/assessments/${c.req.param('id')}`,
      );
    return showQuizItems(c);
  });
  app.post('/organizations/:slug/assessments/:id/items', async (c) => {
    const form = await readTextForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const parsed = quizItemInputSchema.safeParse(itemFromForm(form));
    if (!parsed.success)
      return showQuizItems(c, { values: form, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      await addQuizItem(c.get('ctx'), c.get('actor'), c.req.param('id'), parsed.data);
      return showQuizItems(c, { notice: 'Question added.' }, 201);
    } catch (error) {
      const f = failure(error);
      return showQuizItems(c, { values: form, message: f.message, errors: f.errors }, f.status);
    }
  });

  app.get('/dev/mailbox', async (c) => {
    const ctx = c.get('ctx');
    if (c.get('actor').kind === 'anonymous') return signInFirst(c, '/dev/mailbox');
    const entries = await readMailbox(ctx, c.get('actor'), {
      // The embedded database is the development and demo setup.
      developmentMode: ctx.config.databaseUrl === undefined,
    });
    c.header('Cache-Control', 'no-store');
    return render(c, { title: 'Development mailbox' }, mailboxPage(entries));
  });
}
