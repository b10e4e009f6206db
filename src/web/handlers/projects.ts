import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { SkillmarkError } from '../../domain/errors.ts';
import { can } from '../../domain/policy.ts';
import type { Api } from '../../http/env.ts';
import { problemTypes } from '../../http/problem.ts';
import { storageOf } from '../../http/routes/projects/storage-of.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  accessSubmission,
  completePeerReview,
  criteriaOf,
  decideSubmission,
  listMyPeerReviews,
  presentProjectAssessment,
  presentSubmission,
  requirePeerTask,
  requireProjectAssessment,
  reviewQueue,
  submitProject,
} from '../../services/projects/index.ts';
import { learnerSubmissions } from '../../services/projects/submit.ts';
import type { UploadedFile } from '../../services/projects/uploads.ts';
import type { FieldErrors } from '../forms.ts';
import { notAllowedPage } from '../pages/achievements.ts';
import { submissionPage } from '../pages/project-submission.ts';
import { type SubmitFormState, submitPage } from '../pages/project-submit.ts';
import { type ReviewFormState, reviewPage } from '../pages/review-form.ts';
import { peerReviewPage, peerReviewsPage } from '../pages/review-peer.ts';
import { reviewQueuePage } from '../pages/review-queue.ts';
import { levelsFromForm } from '../pages/review-rubric.ts';
import {
  csrfTokenOf,
  formExpired,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

/** A refusal from a service as the form's message, field errors and the problem table's status. */
function failureOf(error: unknown): {
  message: string;
  errors: FieldErrors;
  status: ContentfulStatusCode;
} {
  if (!(error instanceof SkillmarkError) || error.code === 'internal') throw error;
  const errors: FieldErrors = {};
  for (const f of error.fields ?? []) {
    const name = f.field.replace(/^levels\./, 'level.');
    errors[name] = `${f.message}`;
  }
  const field =
    error.code === 'payload_too_large' || error.code === 'unsupported_media_type'
      ? 'files'
      : undefined;
  if (field) errors[field] = error.message;
  return { message: error.message, errors, status: problemTypes[error.code].status };
}

/** Multipart: strings as the form, every non-empty file part of `files` as an upload. */
async function readSubmissionForm(c: WebContext) {
  const body = await c.req.parseBody({ all: true });
  const form: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of Object.entries(body)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') form[key] ??= part;
      else if (key === 'files' && (part.size > 0 || part.name !== ''))
        files.push({ name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) });
    }
  }
  return { form, files };
}

const linksOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const submissionForm = z.object({
  text: z.string().max(100_000).default(''),
  links: z
    .array(z.url({ protocol: /^https?$/, message: 'Each link must be a full http(s) address.' }))
    .max(20),
  shareAsEvidence: z.boolean(),
});

async function showSubmitPage(
  c: WebContext,
  assessmentId: string,
  state: SubmitFormState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const assessment = await requireProjectAssessment(ctx, assessmentId);
  const history = await learnerSubmissions(ctx, c.get('actor'), assessment.row.id);
  return render(
    c,
    { title: `Submit: ${assessment.row.title}`, section: 'account' },
    submitPage(presentProjectAssessment(assessment), history, csrfTokenOf(c), state),
    status,
  );
}

function mountLearnerPages(app: Api) {
  app.get('/assessments/:id/submit', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showSubmitPage(c, c.req.param('id'));
  });
  app.post('/assessments/:id/submit', async (c) => {
    const { form, files } = await readSubmissionForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const id = c.req.param('id');
    const parsed = submissionForm.safeParse({
      text: form.text ?? '',
      links: linksOf(form.links),
      shareAsEvidence: form.shareAsEvidence === 'yes',
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return showSubmitPage(c, id, { values: form, errors }, 400);
    }
    try {
      const ctx = c.get('ctx');
      const row = await submitProject(ctx, storageOf(c), c.get('actor'), id, parsed.data, files);
      return c.redirect(`/submissions/${row.id}`, 303);
    } catch (error) {
      const failure = failureOf(error);
      return showSubmitPage(
        c,
        id,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status,
      );
    }
  });
  app.get('/submissions/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const access = await accessSubmission(ctx, c.get('actor'), c.req.param('id'));
    if (access.audience === 'assessor') return c.redirect(`/reviews/${access.submission.id}`, 303);
    if (access.audience === 'peer') return c.redirect('/peer-reviews', 303);
    c.header('Cache-Control', 'private, no-store');
    return render(
      c,
      { title: 'Your submission', section: 'account' },
      submissionPage(await presentSubmission(ctx, access)),
    );
  });
}

async function showReviewPage(
  c: WebContext,
  id: string,
  state: ReviewFormState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const access = await accessSubmission(ctx, c.get('actor'), id);
  if (access.audience !== 'assessor') {
    const organization = { slug: '', name: 'the issuing organization' };
    return render(
      c,
      { title: 'Not allowed' },
      notAllowedPage(
        organization,
        'Only assessors of the issuing organization review submissions.',
      ),
      403,
    );
  }
  c.header('Cache-Control', 'private, no-store');
  const view = await presentSubmission(ctx, access);
  return render(
    c,
    { title: `Review: ${view.assessmentTitle}`, section: 'organizations' },
    reviewPage(view, csrfTokenOf(c), state),
    status,
  );
}

function mountAssessorPages(app: Api) {
  app.get('/organizations/:slug/reviews', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const organization = await getOrganization(ctx, c.req.param('slug'));
    if (!can(c.get('actor'), { action: 'submission:review', organizationId: organization.id }))
      return render(
        c,
        { title: 'Not allowed', section: 'organizations' },
        notAllowedPage(organization, 'Only assessors, issuers and owners see the review queue.'),
        403,
      );
    const entries = await reviewQueue(ctx, c.get('actor'), organization.slug);
    c.header('Cache-Control', 'private, no-store');
    return render(
      c,
      { title: `Review queue · ${organization.name}`, section: 'organizations' },
      reviewQueuePage(organization, entries),
    );
  });
  app.get('/reviews/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showReviewPage(c, c.req.param('id'), {
      notice: c.req.query('saved') ? 'Decision saved.' : undefined,
    });
  });
  app.post('/reviews/:id', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    const access = await accessSubmission(ctx, c.get('actor'), id);
    const decision =
      form.decision === 'accept' || form.decision === 'resubmit' ? form.decision : undefined;
    if (!decision)
      return showReviewPage(
        c,
        id,
        { values: form, errors: { decision: 'Choose accept or request a resubmission.' } },
        400,
      );
    try {
      await decideSubmission(ctx, c.get('actor'), id, {
        levels: levelsFromForm(criteriaOf(access.assessment.rubric), form),
        feedback: (form.feedback ?? '').trim().slice(0, 20_000),
        decision,
      });
      return c.redirect(`/reviews/${id}?saved=1`, 303);
    } catch (error) {
      const failure = failureOf(error);
      return showReviewPage(
        c,
        id,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status,
      );
    }
  });
}

async function showPeerPage(
  c: WebContext,
  reviewId: string,
  state: ReviewFormState = {},
  status: ContentfulStatusCode = 200,
) {
  const ctx = c.get('ctx');
  const { review, access } = await requirePeerTask(ctx, c.get('actor'), reviewId);
  c.header('Cache-Control', 'private, no-store');
  const view = await presentSubmission(ctx, access);
  const task = {
    reviewId: review.id,
    completed: review.completedAt !== null,
    levels: review.levels as Record<string, number> | null,
    feedback: review.feedback,
  };
  return render(
    c,
    { title: `Peer review: ${view.assessmentTitle}`, section: 'account' },
    peerReviewPage(task, view, csrfTokenOf(c), state),
    status,
  );
}

function mountPeerPages(app: Api) {
  app.get('/peer-reviews', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const tasks = await listMyPeerReviews(c.get('ctx'), c.get('actor'));
    return render(c, { title: 'Peer reviews', section: 'account' }, peerReviewsPage(tasks));
  });
  app.get('/peer-reviews/:id', async (c) => {
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    return showPeerPage(c, c.req.param('id'), {
      notice: c.req.query('saved') ? 'Thank you: your review was sent.' : undefined,
    });
  });
  app.post('/peer-reviews/:id', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    if (c.get('actor').kind === 'anonymous') return signInFirst(c);
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    const { access } = await requirePeerTask(ctx, c.get('actor'), id);
    try {
      await completePeerReview(ctx, c.get('actor'), id, {
        levels: levelsFromForm(criteriaOf(access.assessment.rubric), form),
        feedback: (form.feedback ?? '').trim().slice(0, 20_000),
      });
      return c.redirect(`/peer-reviews/${id}?saved=1`, 303);
    } catch (error) {
      const failure = failureOf(error);
      return showPeerPage(
        c,
        id,
        { values: form, message: failure.message, errors: failure.errors },
        failure.status,
      );
    }
  });
}

/** Learners submit and read feedback; assessors work the queue; peers review anonymously. */
export function mountProjectPages(app: Api) {
  mountLearnerPages(app);
  mountAssessorPages(app);
  mountPeerPages(app);
}
