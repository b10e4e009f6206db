/**
 * The demo's competency-based slice (issue 4 item 8): Demo University's framework, and "Data
 * Wrangling with Python" wired end to end: criteria over its competencies, a quiz, a project scored
 * with a rubric and a peer-reviewed write-up, so that a new learner can earn it in the demo. The
 * content is in `demo-catalog.ts`.
 */
import { randomUUID } from 'node:crypto';
import { insertAssociation } from '../db/repositories/competencies.ts';
import type { CriterionRule } from '../domain/learning/criteria.ts';
import type { QuizItemInput } from '../domain/learning/quiz.ts';
import type { Actor } from '../domain/policy.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import {
  type DemoCompetencyKey,
  type DemoRubricCriterion,
  demoAssessments,
  demoCompetencies,
  demoFramework,
  demoPeerRubric,
  demoPeerSubmitters,
  demoProjectRubric,
  demoQuizItems,
  type EscoLink,
} from './demo-catalog.ts';
import { addCompetency, linkCompetencies } from './frameworks/competencies.ts';
import { createFramework } from './frameworks/frameworks.ts';
import { setCriteria } from './learning/criteria.ts';
import { addQuizItem, createQuiz } from './learning/quizzes.ts';
import { createProjectAssessment } from './projects/assessments.ts';
import { createRubric } from './projects/rubrics.ts';
import { submitProject } from './projects/submit.ts';
import type { FileStorage } from './storage/storage.ts';

/** The seed has no files to store: its submissions are text only. */
const noFiles: FileStorage = {
  put: async () => {
    throw new Error('the demo seed stores no files');
  },
  get: async () => undefined,
  delete: async () => {},
};

/**
 * Builds the slice as the platform operator and wires `achievementId` to it; `learners` maps the
 * demo people's emails to their account ids (the peer-review submitters must be among them).
 */
export async function seedDemoLearning(
  ctx: ServiceContext,
  input: { organization: string; achievementId: string; learners: ReadonlyMap<string, string> },
): Promise<void> {
  const operator: Actor = { kind: 'admin-token' };
  const framework = await createFramework(ctx, operator, input.organization, demoFramework);
  const ids = new Map<DemoCompetencyKey, string>();
  for (const { key, parent, input: competency, esco: links = [] } of demoCompetencies) {
    const created = await addCompetency(ctx, operator, framework.id, {
      ...competency,
      ...(parent ? { parentId: ids.get(parent)! } : {}),
    });
    ids.set(key, created.id);
    for (const link of links) await linkToEsco(ctx, operator, framework.id, created, link);
  }
  const id = (key: DemoCompetencyKey) => ids.get(key)!;
  await linkCompetencies(ctx, operator, framework.id, {
    originId: id('prepare'),
    destinationId: id('document'),
    associationType: 'precedes',
  });

  const quiz = await createQuiz(ctx, operator, input.organization, {
    kind: 'quiz',
    ...demoAssessments.quiz,
    competencyIds: [],
    settings: { passScore: 0.7, maxAttempts: 3, timeLimitMinutes: 30 },
  });
  for (const { key, ...item } of demoQuizItems)
    await addQuizItem(ctx, operator, quiz.id, {
      ...item,
      competencyId: id(key),
      points: 1,
    } as QuizItemInput);

  const rubricOf = (criteria: DemoRubricCriterion[]) =>
    criteria.map(({ key, ...criterion }) => ({ ...criterion, competencyId: id(key) }));
  const projectRubricRow = await createRubric(ctx, operator, input.organization, {
    title: 'Data-cleaning project',
    criteria: rubricOf(demoProjectRubric),
  });
  const project = await createProjectAssessment(ctx, operator, input.organization, {
    kind: 'project',
    ...demoAssessments.project,
    rubricId: projectRubricRow.id,
    settings: {
      maxFileBytes: 2 * 1024 * 1024,
      maxFiles: 3,
      allowedTypes: ['text/plain', 'application/pdf', 'application/zip'],
      maxLinks: 3,
      peers: 1,
      similarityThreshold: 0.3,
    },
  });
  const peerRubricRow = await createRubric(ctx, operator, input.organization, {
    title: 'Pipeline write-up',
    criteria: rubricOf(demoPeerRubric),
  });
  const peerTask = await createProjectAssessment(ctx, operator, input.organization, {
    kind: 'peer-review',
    ...demoAssessments.peerReview,
    rubricId: peerRubricRow.id,
    settings: {
      maxFileBytes: 1024 * 1024,
      maxFiles: 1,
      allowedTypes: ['text/plain', 'application/pdf'],
      maxLinks: 3,
      peers: 2,
      similarityThreshold: 0.3,
    },
  });

  const rule = (assessmentIds: string[], bar: Omit<CriterionRule, 'assessmentIds'>) => ({
    assessmentIds,
    ...bar,
  });
  await setCriteria(ctx, operator, input.achievementId, {
    criteria: [
      {
        competencyId: id('profile'),
        ...rule([quiz.id, project.row.id], { cutScore: 0.7, minimumLevel: 3, evidenceCount: 1 }),
      },
      {
        competencyId: id('clean'),
        ...rule([quiz.id, project.row.id], { cutScore: 0.7, minimumLevel: 3, evidenceCount: 2 }),
      },
      {
        competencyId: id('reshape'),
        ...rule([project.row.id], { minimumLevel: 3, evidenceCount: 1 }),
      },
      {
        competencyId: id('document'),
        ...rule([peerTask.row.id], { minimumLevel: 3, evidenceCount: 1 }),
      },
    ],
  });

  for (const { email, text } of demoPeerSubmitters) {
    const accountId = input.learners.get(email)!;
    const learner: Actor = { kind: 'account', accountId, isAdmin: false, memberships: new Map() };
    await submitProject(
      ctx,
      noFiles,
      learner,
      peerTask.row.id,
      { text, links: [], shareAsEvidence: false },
      [],
    );
  }
}

/**
 * A CASE association to an ESCO skill. ESCO is not imported in the demo, so the destination is
 * the skill's URI only, as a CASE import keeps links to nodes outside its package (the frameworks
 * service links only competencies stored here, hence the repository).
 */
async function linkToEsco(
  ctx: ServiceContext,
  actor: Actor,
  frameworkId: string,
  origin: { id: string; uri: string },
  match: EscoLink,
) {
  await ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    await insertAssociation(tx, {
      id,
      frameworkId,
      identifier: id,
      associationType: match.associationType,
      originId: origin.id,
      originUri: origin.uri,
      destinationId: null,
      destinationUri: match.uri,
      sequenceNumber: null,
      extra: {
        lastChangeDateTime: ctx.now().toISOString(),
        destinationNodeURI: {
          title: match.title,
          identifier: match.uri.split('/').at(-1),
          uri: match.uri,
        },
      },
    });
    await recordAudit(tx, actor, 'competency.linked', { target: id });
  });
}
