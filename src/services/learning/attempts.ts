/**
 * Quiz attempts: start (draw a randomized form), submit (score on the server, record evidence),
 * read (the learner's own, or the issuer's log). The form a learner receives is built from
 * `FormItem`s, which carry no answer keys; results show correctness, never the keys, so later
 * attempts and other learners cannot reuse them.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { advisoryXactLock } from '../../db/repositories/competency-evidence.ts';
import { findCompetencies } from '../../db/repositories/learning-assessments.ts';
import {
  appendAttemptLog,
  findQuizAttempt,
  insertQuizAttempt,
  listAttemptsOfAssessment,
  listLearnerAttempts,
  listQuizItems,
  type QuizAttemptRow,
  updateQuizAttempt,
} from '../../db/repositories/quizzes.ts';
import {
  ConflictError,
  ForbiddenError,
  NotAuthenticatedError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors.ts';
import {
  type Answers,
  answerProblems,
  decideStart,
  decideSubmission,
  drawForm,
  type FormItem,
  isOpen,
  type QuizScore,
  type RandomInt,
  scoreAttempt,
} from '../../domain/learning/quiz.ts';
import { type Actor, authorize, can } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { recordEvidence } from './evidence.ts';
import { quizSettingsOf, requireQuiz, storedItemOf } from './quizzes.ts';

/** Quizzes are taken by people, in their own name. */
export function learnerOf(actor: Actor): string {
  if (actor.kind === 'account') return actor.accountId;
  if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
  throw new ForbiddenError(
    'Quizzes are taken by people signed in to their own account, not by tokens.',
  );
}

type StoredForm = { items: FormItem[] };
type StoredResult = QuizScore;

export type AttemptStatus = 'open' | 'submitted' | 'expired';

export type AttemptView = {
  id: string;
  assessmentId: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  /** The questions (prompts and options only). */
  form: { items: FormItem[] };
  /** After submission: the score, per competency and per item (correct or not, never the key). */
  result?: {
    score: number;
    passed: boolean;
    passScore: number;
    subScores: Array<{ competencyId: string; statement: string; score: number }>;
    items: Array<{
      itemId: string;
      correct: boolean;
      earned: number;
      points: number;
      answer: unknown;
    }>;
  };
};

function statusOf(attempt: QuizAttemptRow, now: Date): AttemptStatus {
  if (attempt.submittedAt) return 'submitted';
  return isOpen(attempt, now) ? 'open' : 'expired';
}

async function presentAttempt(
  ctx: ServiceContext,
  attempt: QuizAttemptRow,
  passScore: number,
): Promise<AttemptView> {
  const form = attempt.form as StoredForm;
  const view: AttemptView = {
    id: attempt.id,
    assessmentId: attempt.assessmentId,
    attemptNumber: attempt.attemptNumber,
    status: statusOf(attempt, ctx.now()),
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    form: { items: form.items },
  };
  if (attempt.submittedAt && attempt.subScores) {
    const result = attempt.subScores as StoredResult;
    const answers = new Map(((attempt.answers ?? []) as Answers).map((a) => [a.itemId, a.value]));
    const statements = new Map(
      (await findCompetencies(ctx.db, Object.keys(result.subScores))).map((c) => [
        c.id,
        c.statement,
      ]),
    );
    view.result = {
      score: result.score,
      passed: result.passed,
      passScore,
      subScores: Object.entries(result.subScores).map(([competencyId, score]) => ({
        competencyId,
        statement: statements.get(competencyId) ?? competencyId,
        score,
      })),
      items: result.items.map((item) => ({
        itemId: item.itemId,
        correct: item.correct,
        earned: item.earned,
        points: item.points,
        answer: answers.get(item.itemId) ?? null,
      })),
    };
  }
  return view;
}

function logEntry(now: Date, event: string, detail: Record<string, unknown> = {}) {
  return { at: now.toISOString(), event, ...detail };
}

/**
 * Starts an attempt (or resumes the open one): enforces the attempt limit and cool-down, then
 * draws a randomized form with `random` (crypto-strong by default).
 */
export async function startAttempt(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  random: RandomInt = randomInt,
): Promise<{ attempt: AttemptView; resumed: boolean }> {
  const learnerId = learnerOf(actor);
  const quiz = await requireQuiz(ctx.db, assessmentId);
  if (quiz.archivedAt) throw new ConflictError('This quiz is archived and no longer taken.');
  const settings = quizSettingsOf(quiz);
  const now = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    await advisoryXactLock(tx, `attempt:${learnerId}:${quiz.id}`);
    const previous = await listLearnerAttempts(tx, quiz.id, learnerId);
    const decision = decideStart(previous, settings, now);
    if (decision.kind === 'refused') {
      const last = previous.at(-1);
      if (last)
        await appendAttemptLog(
          tx,
          last.id,
          logEntry(now, 'refused-start', { reason: decision.reason }),
        );
      return decision;
    }
    if (decision.kind === 'resume') {
      const open = previous.find((a) => a.id === decision.attemptId)!;
      await appendAttemptLog(tx, open.id, logEntry(now, 'resumed'));
      return { kind: 'resume' as const, attempt: open };
    }
    const bank = (await listQuizItems(tx, quiz.id)).map(storedItemOf);
    if (bank.length === 0) throw new ConflictError('This quiz has no questions yet.');
    const attempt = await insertQuizAttempt(tx, {
      id: randomUUID(),
      assessmentId: quiz.id,
      learnerId,
      attemptNumber: decision.attemptNumber,
      form: { items: drawForm(bank, settings, random) } satisfies StoredForm,
      startedAt: now,
      deadlineAt: decision.deadlineAt,
      log: [logEntry(now, 'started')],
    });
    return { kind: 'start' as const, attempt };
  });
  if (outcome.kind === 'refused') {
    if (outcome.reason === 'attempt-limit') throw new ForbiddenError(outcome.message);
    throw new ConflictError(outcome.message);
  }
  return {
    attempt: await presentAttempt(ctx, outcome.attempt, settings.passScore),
    resumed: outcome.kind === 'resume',
  };
}

async function requireAttempt(ctx: ServiceContext, attemptId: string) {
  const attempt = /^[0-9a-f-]{36}$/i.test(attemptId)
    ? await findQuizAttempt(ctx.db, attemptId)
    : undefined;
  if (!attempt) throw new NotFoundError('There is no attempt with this id.');
  return attempt;
}

/**
 * Scores the learner's answers on the server and records one piece of evidence per competency
 * (its sub-score), which may award achievements at once. Late or repeated submissions are
 * refused and logged.
 */
export async function submitAttempt(
  ctx: ServiceContext,
  actor: Actor,
  attemptId: string,
  answers: Answers,
): Promise<AttemptView> {
  const learnerId = learnerOf(actor);
  const found = await requireAttempt(ctx, attemptId);
  if (found.learnerId !== learnerId) throw new NotFoundError('There is no attempt with this id.');
  const quiz = await requireQuiz(ctx.db, found.assessmentId);
  const settings = quizSettingsOf(quiz);
  const problems = answerProblems((found.form as StoredForm).items, answers);
  if (problems.length > 0)
    throw new ValidationError('Some answers do not fit this attempt.', problems);
  const now = ctx.now();
  const outcome = await ctx.db.transaction(async (tx) => {
    const attempt = (await findQuizAttempt(tx, attemptId, { forUpdate: true }))!;
    const decision = decideSubmission(attempt, now);
    if (decision.kind === 'refused') {
      await appendAttemptLog(tx, attempt.id, logEntry(now, `refused-${decision.reason}`));
      return decision;
    }
    const form = attempt.form as StoredForm;
    const bank = new Map(
      (await listQuizItems(tx, quiz.id)).map((row) => [row.id, storedItemOf(row)]),
    );
    const score = scoreAttempt(form.items, bank, answers, settings.passScore);
    await updateQuizAttempt(tx, attempt.id, {
      submittedAt: now,
      answers,
      score: score.score,
      subScores: score satisfies StoredResult,
    });
    await appendAttemptLog(
      tx,
      attempt.id,
      logEntry(now, 'submitted', { score: score.score, answered: answers.length }),
    );
    await recordEvidence(
      ctx,
      tx,
      Object.entries(score.subScores).map(([competencyId, subScore]) => ({
        learnerId,
        competencyId,
        assessmentId: quiz.id,
        sourceKind: 'quiz-attempt' as const,
        sourceId: attempt.id,
        score: subScore,
        observedAt: now,
      })),
    );
    return { kind: 'accept' as const };
  });
  if (outcome.kind === 'refused') throw new ConflictError(outcome.message);
  return getAttempt(ctx, actor, attemptId);
}

/** The learner's own attempt; issuers, owners and assessors of the quiz's organization may read it too. */
export async function getAttempt(
  ctx: ServiceContext,
  actor: Actor,
  attemptId: string,
): Promise<AttemptView> {
  const attempt = await requireAttempt(ctx, attemptId);
  const quiz = await requireQuiz(ctx.db, attempt.assessmentId);
  const own = actor.kind === 'account' && actor.accountId === attempt.learnerId;
  if (!own && !can(actor, { action: 'submission:review', organizationId: quiz.organizationId })) {
    if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
    throw new NotFoundError('There is no attempt with this id.');
  }
  return presentAttempt(ctx, attempt, quizSettingsOf(quiz).passScore);
}

/** The learner's attempts at one quiz, for the start page. */
export async function listOwnAttempts(ctx: ServiceContext, actor: Actor, assessmentId: string) {
  const learnerId = learnerOf(actor);
  const quiz = await requireQuiz(ctx.db, assessmentId);
  const now = ctx.now();
  const attempts = await listLearnerAttempts(ctx.db, quiz.id, learnerId);
  const settings = quizSettingsOf(quiz);
  return {
    attempts: attempts.map((a) => ({
      id: a.id,
      attemptNumber: a.attemptNumber,
      status: statusOf(a, now),
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      score: typeof a.score === 'number' ? a.score : null,
    })),
    next: decideStart(attempts, settings, now),
  };
}

/** The attempt log of a quiz, for its organization's issuers, owners and assessors. */
export async function getAttemptLog(ctx: ServiceContext, actor: Actor, assessmentId: string) {
  const quiz = await requireQuiz(ctx.db, assessmentId);
  authorize(
    actor,
    { action: 'submission:review', organizationId: quiz.organizationId },
    'Only owners, issuers and assessors of its organization read the attempt log.',
  );
  const now = ctx.now();
  const rows = await listAttemptsOfAssessment(ctx.db, quiz.id);
  return rows.map(({ attempt, learnerName, learnerEmail }) => ({
    id: attempt.id,
    learner: { id: attempt.learnerId, displayName: learnerName, email: learnerEmail },
    attemptNumber: attempt.attemptNumber,
    status: statusOf(attempt, now),
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: typeof attempt.score === 'number' ? attempt.score : null,
    log: attempt.log as Array<Record<string, unknown>>,
  }));
}
