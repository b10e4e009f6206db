/**
 * Quizzes (issue 4 item 3): item banks, randomized forms, server-side scoring and the attempt
 * rules (time limit, attempt limit, cool-down). Pure: randomness and time are parameters.
 *
 * The answer key of an item lives only in the bank (`StoredQuizItem.answerKey`); a drawn
 * `FormItem` has no key by construction, so what reaches a learner cannot carry one.
 */
import { z } from 'zod';

export const quizSettingsSchema = z.strictObject({
  timeLimitMinutes: z
    .number({ error: 'timeLimitMinutes must be a whole number of minutes' })
    .int('timeLimitMinutes must be a whole number of minutes')
    .min(1, 'timeLimitMinutes must be between 1 and 600')
    .max(600, 'timeLimitMinutes must be between 1 and 600')
    .optional(),
  maxAttempts: z
    .number({ error: 'maxAttempts must be a whole number' })
    .int('maxAttempts must be a whole number')
    .min(1, 'maxAttempts must be between 1 and 100')
    .max(100, 'maxAttempts must be between 1 and 100')
    .optional(),
  cooldownMinutes: z
    .number({ error: 'cooldownMinutes must be a whole number of minutes' })
    .int('cooldownMinutes must be a whole number of minutes')
    .min(0, 'cooldownMinutes must be between 0 and 10080 (a week)')
    .max(10_080, 'cooldownMinutes must be between 0 and 10080 (a week)')
    .optional(),
  /** Items drawn per competency on each attempt; all items when absent. */
  itemsPerCompetency: z
    .number({ error: 'itemsPerCompetency must be a whole number' })
    .int('itemsPerCompetency must be a whole number')
    .min(1, 'itemsPerCompetency must be between 1 and 100')
    .max(100, 'itemsPerCompetency must be between 1 and 100')
    .optional(),
  /** The overall score (0..1) that passes the quiz. */
  passScore: z
    .number({ error: 'passScore must be a number between 0 and 1' })
    .min(0, 'passScore must be between 0 and 1')
    .max(1, 'passScore must be between 0 and 1'),
});

export type QuizSettings = z.infer<typeof quizSettingsSchema>;

const prompt = z
  .string({ error: 'prompt must be text' })
  .trim()
  .min(1, 'prompt must not be empty')
  .max(5000, 'prompt must be at most 5000 characters');
const points = z
  .number({ error: 'points must be a whole number' })
  .int('points must be a whole number')
  .min(1, 'points must be between 1 and 100')
  .max(100, 'points must be between 1 and 100')
  .default(1);
const competencyId = z.uuid({ error: 'competencyId must be a competency id (UUID)' });
const choiceOptions = z
  .array(
    z.strictObject({
      text: z.string().trim().min(1, 'option text must not be empty').max(1000),
      correct: z.boolean({ error: 'correct must be true or false' }).default(false),
    }),
  )
  .min(2, 'options must list at least 2 choices')
  .max(20, 'options may list at most 20 choices');

/** What an issuer sends to add an item to a quiz's bank. */
export const quizItemInputSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({
        kind: z.literal('single'),
        competencyId,
        prompt,
        points,
        options: choiceOptions,
      })
      .refine((i) => i.options.filter((o) => o.correct).length === 1, {
        path: ['options'],
        error: 'a single-choice item needs exactly one correct option',
      }),
    z
      .strictObject({
        kind: z.literal('multiple'),
        competencyId,
        prompt,
        points,
        options: choiceOptions,
      })
      .refine((i) => i.options.some((o) => o.correct), {
        path: ['options'],
        error: 'a multiple-choice item needs at least one correct option',
      }),
    z.strictObject({
      kind: z.literal('numeric'),
      competencyId,
      prompt,
      points,
      answer: z.number({ error: 'answer must be a number' }),
      tolerance: z
        .number({ error: 'tolerance must be a number' })
        .min(0, 'tolerance must not be negative')
        .default(0),
    }),
    z.strictObject({
      kind: z.literal('text'),
      competencyId,
      prompt,
      points,
      acceptedAnswers: z
        .array(z.string().trim().min(1, 'accepted answers must not be empty').max(500))
        .min(1, 'acceptedAnswers must list at least one answer')
        .max(50),
    }),
  ],
  { error: 'kind must be one of: single, multiple, numeric, text' },
);

export type QuizItemInput = z.infer<typeof quizItemInputSchema>;
export type QuizItemKind = QuizItemInput['kind'];

export type ChoiceOption = { id: string; text: string };
export type AnswerKey =
  | { correct: string[] }
  | { value: number; tolerance: number }
  | { accepted: string[] };

/** An item as the bank keeps it (mirrors `quiz_items`). */
export type StoredQuizItem = {
  id: string;
  competencyId: string;
  kind: QuizItemKind;
  prompt: string;
  options: ChoiceOption[];
  answerKey: AnswerKey;
  points: number;
};

/** An item of a drawn form: what a learner sees. No answer key, by construction. */
export type FormItem = {
  itemId: string;
  competencyId: string;
  kind: QuizItemKind;
  prompt: string;
  points: number;
  options?: ChoiceOption[];
};

/** Splits an issuer's item into what the bank stores; option ids come from `newId`. */
export function toStoredItem(
  input: QuizItemInput,
  newId: () => string,
): Omit<StoredQuizItem, 'id'> {
  const base = {
    competencyId: input.competencyId,
    kind: input.kind,
    prompt: input.prompt,
    points: input.points,
  };
  switch (input.kind) {
    case 'single':
    case 'multiple': {
      const options = input.options.map((o) => ({ id: newId(), text: o.text, correct: o.correct }));
      return {
        ...base,
        options: options.map(({ id, text }) => ({ id, text })),
        answerKey: { correct: options.filter((o) => o.correct).map((o) => o.id) },
      };
    }
    case 'numeric':
      return {
        ...base,
        options: [],
        answerKey: { value: input.answer, tolerance: input.tolerance },
      };
    case 'text':
      return { ...base, options: [], answerKey: { accepted: input.acceptedAnswers } };
  }
}

/** `random(n)` returns an integer in [0, n); node:crypto `randomInt` in production. */
export type RandomInt = (maxExclusive: number) => number;

/** Fisher–Yates with the injected randomness; returns a new array. */
export function shuffle<T>(items: readonly T[], random: RandomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/**
 * Draws one attempt's form: samples `itemsPerCompetency` items of each competency (all when
 * unset), shuffles the item order and, for choice items, the option order.
 */
export function drawForm(
  bank: readonly StoredQuizItem[],
  settings: Pick<QuizSettings, 'itemsPerCompetency'>,
  random: RandomInt,
): FormItem[] {
  const byCompetency = new Map<string, StoredQuizItem[]>();
  for (const item of bank) {
    const list = byCompetency.get(item.competencyId) ?? [];
    list.push(item);
    byCompetency.set(item.competencyId, list);
  }
  const drawn: StoredQuizItem[] = [];
  for (const items of byCompetency.values()) {
    const sampled = shuffle(items, random);
    drawn.push(...sampled.slice(0, settings.itemsPerCompetency ?? sampled.length));
  }
  return shuffle(drawn, random).map((item) => ({
    itemId: item.id,
    competencyId: item.competencyId,
    kind: item.kind,
    prompt: item.prompt,
    points: item.points,
    ...(item.kind === 'single' || item.kind === 'multiple'
      ? { options: shuffle(item.options, random) }
      : {}),
  }));
}

/** A learner's answers: exactly the shape a client may post (no scores). */
export const answersSchema = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        itemId: z.uuid({ error: 'itemId must be an item id (UUID)' }),
        value: z.union([z.string().max(1000), z.number(), z.array(z.string().max(100)).max(20)], {
          error: 'value must be an option id, a list of option ids, a number or text',
        }),
      }),
    )
    .max(500),
});

export type Answers = z.infer<typeof answersSchema>['answers'];
export type AnswerValue = Answers[number]['value'];

/** Field errors for answers that do not fit the form (unknown items or options, wrong types). */
export function answerProblems(
  form: readonly FormItem[],
  answers: Answers,
): Array<{ field: string; message: string }> {
  const items = new Map(form.map((item) => [item.itemId, item]));
  const problems: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const field = `answers.${index}`;
    const item = items.get(answer.itemId);
    if (!item) {
      problems.push({ field, message: 'is not an item of this attempt' });
      return;
    }
    if (seen.has(answer.itemId)) problems.push({ field, message: 'answers this item twice' });
    seen.add(answer.itemId);
    const optionIds = new Set(item.options?.map((o) => o.id));
    const value = answer.value;
    if (item.kind === 'single' && !(typeof value === 'string' && optionIds.has(value)))
      problems.push({ field, message: 'must be one option id of the item' });
    if (
      item.kind === 'multiple' &&
      !(Array.isArray(value) && value.every((id) => optionIds.has(id)))
    )
      problems.push({ field, message: 'must be a list of option ids of the item' });
    if (item.kind === 'numeric' && numberOf(value) === undefined)
      problems.push({ field, message: 'must be a number' });
    if (item.kind === 'text' && typeof value !== 'string')
      problems.push({ field, message: 'must be text' });
  });
  return problems;
}

function numberOf(value: AnswerValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim().replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Case-, width- and whitespace-insensitive comparison form of a short text answer. */
export function normalizeTextAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** Whether `value` answers the item correctly; a missing answer is wrong. */
export function isCorrect(
  item: Pick<StoredQuizItem, 'kind' | 'answerKey'>,
  value: AnswerValue | undefined,
): boolean {
  if (value === undefined) return false;
  const key = item.answerKey;
  switch (item.kind) {
    case 'single':
      return 'correct' in key && typeof value === 'string' && key.correct[0] === value;
    case 'multiple': {
      // All or nothing: exactly the correct set, in any order.
      if (!('correct' in key) || !Array.isArray(value)) return false;
      const given = new Set(value);
      return given.size === key.correct.length && key.correct.every((id) => given.has(id));
    }
    case 'numeric': {
      const given = numberOf(value);
      return (
        'value' in key && given !== undefined && Math.abs(given - key.value) <= key.tolerance + 1e-9
      );
    }
    case 'text':
      return (
        'accepted' in key &&
        typeof value === 'string' &&
        key.accepted.some((a) => normalizeTextAnswer(a) === normalizeTextAnswer(value))
      );
  }
}

export type ItemResult = {
  itemId: string;
  competencyId: string;
  correct: boolean;
  points: number;
  earned: number;
};

export type QuizScore = {
  /** Earned points over possible points, 0..1. */
  score: number;
  /** competency id → 0..1 */
  subScores: Record<string, number>;
  items: ItemResult[];
  passed: boolean;
};

/**
 * Scores a submitted form on the server. Items removed from the bank since the form was drawn
 * are left out of the score rather than counted against the learner.
 */
export function scoreAttempt(
  form: readonly FormItem[],
  bank: ReadonlyMap<string, Pick<StoredQuizItem, 'kind' | 'answerKey' | 'points'>>,
  answers: Answers,
  passScore: number,
): QuizScore {
  const given = new Map(answers.map((a) => [a.itemId, a.value]));
  const items: ItemResult[] = [];
  for (const formItem of form) {
    const item = bank.get(formItem.itemId);
    if (!item) continue;
    const correct = isCorrect(item, given.get(formItem.itemId));
    items.push({
      itemId: formItem.itemId,
      competencyId: formItem.competencyId,
      correct,
      points: item.points,
      earned: correct ? item.points : 0,
    });
  }
  const ratio = (list: ItemResult[]) => {
    const possible = list.reduce((sum, i) => sum + i.points, 0);
    return possible === 0 ? 0 : list.reduce((sum, i) => sum + i.earned, 0) / possible;
  };
  const subScores: Record<string, number> = {};
  for (const competency of new Set(items.map((i) => i.competencyId)))
    subScores[competency] = ratio(items.filter((i) => i.competencyId === competency));
  const score = ratio(items);
  return { score, subScores, items, passed: items.length > 0 && score + 1e-9 >= passScore };
}

export type AttemptSummary = {
  id: string;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
};

/** Submissions a few seconds past the deadline are accepted, for the network's sake. */
export const SUBMISSION_GRACE_MS = 30_000;

/** An attempt that may still be answered. */
export function isOpen(attempt: AttemptSummary, now: Date): boolean {
  return (
    attempt.submittedAt === null &&
    (attempt.deadlineAt === null ||
      now.getTime() <= attempt.deadlineAt.getTime() + SUBMISSION_GRACE_MS)
  );
}

export type StartDecision =
  | { kind: 'resume'; attemptId: string }
  | { kind: 'start'; attemptNumber: number; deadlineAt: Date | null }
  | { kind: 'refused'; reason: 'attempt-limit' | 'cooldown'; message: string; retryAt?: Date };

/**
 * Whether a learner may start an attempt now: an open attempt is resumed rather than doubled;
 * the attempt limit counts every attempt started (answered or not); the cool-down runs from the
 * end of the previous attempt (its submission, else its deadline, else its start).
 */
export function decideStart(
  previous: readonly AttemptSummary[],
  settings: QuizSettings,
  now: Date,
): StartDecision {
  const open = previous.find((a) => isOpen(a, now));
  if (open) return { kind: 'resume', attemptId: open.id };
  if (settings.maxAttempts !== undefined && previous.length >= settings.maxAttempts)
    return {
      kind: 'refused',
      reason: 'attempt-limit',
      message: `You have used all ${settings.maxAttempts} attempt${settings.maxAttempts === 1 ? '' : 's'} this quiz allows.`,
    };
  const lastEnd = Math.max(
    0,
    ...previous.map((a) => (a.submittedAt ?? a.deadlineAt ?? a.startedAt).getTime()),
  );
  const cooldownMs = (settings.cooldownMinutes ?? 0) * 60_000;
  if (previous.length > 0 && cooldownMs > 0 && now.getTime() < lastEnd + cooldownMs) {
    const retryAt = new Date(lastEnd + cooldownMs);
    return {
      kind: 'refused',
      reason: 'cooldown',
      message: `You can start your next attempt at ${retryAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (a cool-down of ${settings.cooldownMinutes} minutes between attempts).`,
      retryAt,
    };
  }
  return {
    kind: 'start',
    attemptNumber: previous.length + 1,
    deadlineAt:
      settings.timeLimitMinutes !== undefined
        ? new Date(now.getTime() + settings.timeLimitMinutes * 60_000)
        : null,
  };
}

export type SubmissionDecision =
  | { kind: 'accept' }
  | { kind: 'refused'; reason: 'already-submitted' | 'late'; message: string };

export function decideSubmission(attempt: AttemptSummary, now: Date): SubmissionDecision {
  if (attempt.submittedAt !== null)
    return {
      kind: 'refused',
      reason: 'already-submitted',
      message: 'This attempt was already submitted; its answers cannot be changed.',
    };
  if (!isOpen(attempt, now))
    return {
      kind: 'refused',
      reason: 'late',
      message: `The time limit of this attempt ended at ${attempt.deadlineAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC; late answers are not accepted.`,
    };
  return { kind: 'accept' };
}
