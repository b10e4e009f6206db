import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  decideStart,
  decideSubmission,
  drawForm,
  normalizeTextAnswer,
  quizItemInputSchema,
  type RandomInt,
  type StoredQuizItem,
  scoreAttempt,
  toStoredItem,
} from './quiz.ts';

/** A deterministic generator (LCG), so forms are reproducible in tests. */
function seeded(seed: number): RandomInt {
  let state = seed;
  return (max) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % max;
  };
}

const c1 = '11111111-1111-4111-8111-111111111111';
const c2 = '22222222-2222-4222-8222-222222222222';
let ids = 0;
const newId = () => `o${++ids}`;

function bank(): StoredQuizItem[] {
  const inputs = [
    {
      kind: 'single',
      competencyId: c1,
      prompt: 'A?',
      options: [{ text: 'yes', correct: true }, { text: 'no' }],
    },
    {
      kind: 'single',
      competencyId: c1,
      prompt: 'B?',
      options: [{ text: 'x' }, { text: 'y', correct: true }],
    },
    {
      kind: 'multiple',
      competencyId: c1,
      prompt: 'C?',
      options: [{ text: 'p', correct: true }, { text: 'q', correct: true }, { text: 'r' }],
    },
    { kind: 'numeric', competencyId: c2, prompt: 'D?', answer: 3.14, tolerance: 0.01 },
    { kind: 'text', competencyId: c2, prompt: 'E?', acceptedAnswers: ['Ada Lovelace'], points: 2 },
  ];
  return inputs.map((input, index) => ({
    id: `00000000-0000-4000-8000-00000000000${index}`,
    ...toStoredItem(quizItemInputSchema.parse(input), newId),
  }));
}

describe('quiz items', () => {
  it('refuse a single-choice item without exactly one correct option', () => {
    const result = quizItemInputSchema.safeParse({
      kind: 'single',
      competencyId: c1,
      prompt: 'Q',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: true },
      ],
    });
    expect(result.success).toBe(false);
  });

  it('compare short text answers ignoring case, width and whitespace', () => {
    expect(normalizeTextAnswer('  ADA   lovelace ')).toBe(normalizeTextAnswer('Ada Lovelace'));
  });
});

describe('drawing a form', () => {
  it('samples per competency, shuffles items and options, and carries no answer key', () => {
    const items = bank();
    const form = drawForm(items, { itemsPerCompetency: 2 }, seeded(7));
    expect(form).toHaveLength(4);
    expect(form.filter((i) => i.competencyId === c1)).toHaveLength(2);
    expect(JSON.stringify(form)).not.toMatch(/answerKey|correct|accepted|3\.14|Ada/);
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        drawForm(items, {}, seeded(seed))
          .map((i) => i.itemId)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    expect(drawForm(items, {}, seeded(3))).toEqual(drawForm(items, {}, seeded(3)));
  });
});

describe('scoring', () => {
  it('scores on the server with per-competency sub-scores weighted by points', () => {
    const items = bank();
    const form = drawForm(items, {}, seeded(1));
    const keys = new Map(items.map((i) => [i.id, i]));
    const key = (index: number) => items[index]!.answerKey as { correct: string[] };
    const answers = [
      { itemId: items[0]!.id, value: key(0).correct[0]! },
      { itemId: items[1]!.id, value: 'wrong' },
      { itemId: items[2]!.id, value: [...key(2).correct].reverse() },
      { itemId: items[3]!.id, value: '3,145' },
      { itemId: items[4]!.id, value: ' ada LOVELACE' },
    ];
    const score = scoreAttempt(form, keys, answers, 0.7);
    expect(score.subScores[c1]).toBeCloseTo(2 / 3);
    expect(score.subScores[c2]).toBe(1);
    expect(score.score).toBeCloseTo(5 / 6);
    expect(score.passed).toBe(true);
  });

  it('names answers that do not fit the form', () => {
    const items = bank();
    const form = drawForm(items, {}, seeded(1));
    expect(
      answerProblems(form, [
        { itemId: '99999999-9999-4999-8999-999999999999', value: 'a' },
        { itemId: items[3]!.id, value: 'not a number' },
      ]).map((p) => p.field),
    ).toEqual(['answers.0', 'answers.1']);
  });
});

describe('attempt rules', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it('resume an open attempt, then enforce the attempt limit and the cool-down', () => {
    const open = { id: 'a1', startedAt: at(-5), deadlineAt: at(25), submittedAt: null };
    expect(decideStart([open], { passScore: 0.5, maxAttempts: 1 }, now)).toEqual({
      kind: 'resume',
      attemptId: 'a1',
    });
    const done = { ...open, submittedAt: at(-1) };
    expect(decideStart([done], { passScore: 0.5, maxAttempts: 1 }, now)).toMatchObject({
      kind: 'refused',
      reason: 'attempt-limit',
    });
    expect(decideStart([done], { passScore: 0.5, cooldownMinutes: 10 }, now)).toMatchObject({
      kind: 'refused',
      reason: 'cooldown',
      retryAt: at(9),
    });
    expect(decideStart([done], { passScore: 0.5, timeLimitMinutes: 15 }, now)).toEqual({
      kind: 'start',
      attemptNumber: 2,
      deadlineAt: at(15),
    });
  });

  it('refuse submissions after the deadline (past a short grace) and a second time', () => {
    const attempt = { id: 'a1', startedAt: at(-30), deadlineAt: at(-1), submittedAt: null };
    expect(decideSubmission(attempt, now)).toMatchObject({ kind: 'refused', reason: 'late' });
    expect(decideSubmission({ ...attempt, deadlineAt: at(0) }, now)).toEqual({ kind: 'accept' });
    expect(decideSubmission({ ...attempt, submittedAt: at(-2) }, now)).toMatchObject({
      reason: 'already-submitted',
    });
  });
});
