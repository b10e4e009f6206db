/**
 * Goal understanding: a learner's free text ("data engineer", or a few sentences about the job
 * they want) → the ESCO occupations and skills it means, ranked. Runs offline on the lexical
 * matcher of src/domain/skill-matching; see docs/SKILL-MATCHING.md for the method and figures.
 */
import {
  type EscoIndexState,
  findEscoIndexState,
  listOccupationLabels,
  listSkillLabels,
} from '../../db/repositories/skill-matching.ts';
import { ValidationError } from '../../domain/errors.ts';
import { SKILL_GROUP_TYPE } from '../../domain/frameworks/esco.ts';
import { buildConceptIndex, type ConceptIndex } from '../../domain/skill-matching/concept-index.ts';
import {
  escoOccupationConcept,
  escoSkillConcept,
} from '../../domain/skill-matching/esco-concepts.ts';
import { rankConcepts } from '../../domain/skill-matching/rank.ts';
import type { WordVectors } from '../../domain/skill-matching/semantic.ts';
import type { ServiceContext } from '../context.ts';
import { loadWordVectors } from './word-vectors.ts';

export type RankedConcept = {
  id: string;
  uri: string;
  label: string;
  score: number;
  matchedBy: 'exact' | 'alt-label' | 'lexical' | string;
};
export type GoalUnderstanding = { occupations: RankedConcept[]; skills: RankedConcept[] };

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Matching cost grows with the text's distinct words; a goal is a title or a few sentences. */
const MAX_GOAL_TEXT = 5000;

type EscoIndexes = { occupations: ConceptIndex; skills: ConceptIndex };
type CacheEntry = { version: string; indexes: Promise<EscoIndexes> };

/**
 * Built once per database handle and process (full ESCO takes a couple of seconds and ~tens of
 * MB), rebuilt when an import changes the framework. Keyed by handle so test databases and a
 * second deployment in the same process never see each other's labels.
 */
const cache = new WeakMap<object, CacheEntry>();
/** The word vectors are package data, the same for every database: read once per process. */
let wordVectors: Promise<WordVectors | undefined> | undefined;

function sharedWordVectors(ctx: ServiceContext): Promise<WordVectors | undefined> {
  wordVectors ??= loadWordVectors().catch((error: unknown) => {
    ctx.logger.warn({ err: error }, 'word vectors unavailable; goal matching stays lexical');
    return undefined;
  });
  return wordVectors;
}

async function buildIndexes(ctx: ServiceContext, state: EscoIndexState): Promise<EscoIndexes> {
  const started = performance.now();
  const [skills, occupations, vectors] = await Promise.all([
    listSkillLabels(ctx.db, state.frameworkId, SKILL_GROUP_TYPE),
    listOccupationLabels(ctx.db, state.frameworkId),
    sharedWordVectors(ctx),
  ]);
  const indexes = {
    skills: buildConceptIndex(
      skills.map((row) => escoSkillConcept(row.id, row)),
      { vectors },
    ),
    occupations: buildConceptIndex(
      occupations.map((row) => escoOccupationConcept(row.id, row)),
      { vectors },
    ),
  };
  ctx.logger.info(
    {
      skills: skills.length,
      occupations: occupations.length,
      ms: Math.round(performance.now() - started),
    },
    'goal matching index built',
  );
  return indexes;
}

async function escoIndexes(ctx: ServiceContext): Promise<EscoIndexes | undefined> {
  const state = await findEscoIndexState(ctx.db);
  if (!state) return undefined;
  const cached = cache.get(ctx.db);
  if (cached?.version === state.version) return cached.indexes;
  const entry = { version: state.version, indexes: buildIndexes(ctx, state) };
  cache.set(ctx.db, entry);
  // A failed build must not stay cached, or every later call would repeat the failure.
  entry.indexes.catch(() => {
    if (cache.get(ctx.db) === entry) cache.delete(ctx.db);
  });
  return entry.indexes;
}

function ranked(index: ConceptIndex, text: string, limit: number): RankedConcept[] {
  return rankConcepts(index, text, { limit }).map(({ concept, score, matchedBy }) => ({
    ...index.concepts[concept]!,
    score: Math.round(score * 1e4) / 1e4,
    matchedBy,
  }));
}

/** Ranks ESCO occupations and skills (competencies of the framework with source 'esco') for free text. */
export async function understandGoal(
  ctx: ServiceContext,
  text: string,
  options?: { limit?: number },
): Promise<GoalUnderstanding> {
  const requested = options?.limit ?? DEFAULT_LIMIT;
  const limit = Number.isFinite(requested)
    ? Math.max(1, Math.min(MAX_LIMIT, Math.floor(requested)))
    : DEFAULT_LIMIT;
  if (text.length > MAX_GOAL_TEXT) {
    throw new ValidationError(
      `Describe the goal in at most ${MAX_GOAL_TEXT} characters (this text has ${text.length}): a job title or a few sentences about the job is enough.`,
      [{ field: 'text', message: `at most ${MAX_GOAL_TEXT} characters` }],
    );
  }
  const indexes = await escoIndexes(ctx);
  if (!indexes || text.trim() === '') return { occupations: [], skills: [] };
  return {
    occupations: ranked(indexes.occupations, text, limit),
    skills: ranked(indexes.skills, text, limit),
  };
}
