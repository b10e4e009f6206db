/**
 * Measures goal understanding on the TECH skill-extraction benchmark (Decorte et al.): each
 * job-ad sentence is ranked against all ESCO v1.1.1 skills by the product's matcher
 * (src/domain/skill-matching, the index built from the same fields the product reads from the
 * database) and scored against the annotated skills with R-Precision@5, MRR and MAP. The plain
 * character 3-gram TF-IDF baseline is measured in the same run.
 *
 *   npm run eval:skills                      validation and test
 *   node bench/eval-skills.ts validation     one split (tune on validation only)
 *   node bench/eval-skills.ts validation --weights whole=1,words=0.5
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { type EscoRow, escoSkill } from '../src/domain/frameworks/esco.ts';
import {
  buildConceptIndex,
  type ConceptInput,
} from '../src/domain/skill-matching/concept-index.ts';
import { escoSkillConcept } from '../src/domain/skill-matching/esco-concepts.ts';
import { type Judged, rankingFigures } from '../src/domain/skill-matching/metrics.ts';
import {
  DEFAULT_WEIGHTS,
  type FusionWeights,
  rankConcepts,
} from '../src/domain/skill-matching/rank.ts';
import { normalizeText } from '../src/domain/skill-matching/text.ts';
import { openEscoSources } from '../src/services/frameworks/esco-source.ts';
import { loadWordVectors } from '../src/services/goals/word-vectors.ts';

const shared = new URL('../../shared/data/', import.meta.url);
const escoZip = new URL('esco/v1.1.1/v111_classification_en.zip', shared);
const benchmarkFile = (split: string) =>
  new URL(`skill-extraction/tech_${split}_annotations.csv`, shared);
const splits = ['validation', 'test'] as const;

/** Annotations that name no ESCO skill. */
const NO_SKILL = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

type Query = { sentence: string; gold: Set<string> };

function readBenchmark(split: string): Query[] {
  const rows: { sentence: string; label: string }[] = parse(readFileSync(benchmarkFile(split)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const bySentence = new Map<string, Set<string>>();
  for (const { sentence, label } of rows) {
    const gold = bySentence.get(sentence) ?? new Set<string>();
    if (!NO_SKILL.has(label.trim())) gold.add(normalizeText(label));
    bySentence.set(sentence, gold);
  }
  return [...bySentence]
    .filter(([, gold]) => gold.size > 0)
    .map(([sentence, gold]) => ({ sentence, gold }));
}

async function readEscoSkills(): Promise<ConceptInput[]> {
  const sources = await openEscoSources([escoZip.pathname]);
  try {
    const file = sources.files.find((f) => f.kind === 'skills');
    if (!file) throw new Error('The ESCO zip has no skills file.');
    const concepts: ConceptInput[] = [];
    const rows = (await file.open(() => {})).pipe(parseStream({ bom: true, columns: true }));
    for await (const row of rows as AsyncIterable<EscoRow>) {
      const skill = escoSkill(row);
      if (skill) concepts.push(escoSkillConcept(skill.uri, skill));
    }
    return concepts;
  } finally {
    sources.close();
  }
}

function parseWeights(argument: string | undefined): FusionWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const pair of argument?.split(',') ?? []) {
    const [name, value] = pair.split('=');
    if (!(name! in weights) || Number.isNaN(Number(value))) throw new Error(`Bad weight: ${pair}`);
    weights[name as keyof FusionWeights] = Number(value);
  }
  return weights;
}

const format = (x: number) => x.toFixed(3);

if (!existsSync(escoZip) || !existsSync(benchmarkFile('validation'))) {
  console.log(`Skipped: ${shared.pathname} (ESCO v1.1.1 and the TECH benchmark) is absent.`);
  process.exit(0);
}

const args = process.argv.slice(2);
const weightsAt = args.indexOf('--weights');
const weights = parseWeights(weightsAt === -1 ? undefined : args[weightsAt + 1]);
const chosen = splits.filter((split) => args.includes(split));
const started = performance.now();
const concepts = await readEscoSkills();
const vectors = args.includes('--no-vectors') ? undefined : await loadWordVectors();
const index = buildConceptIndex(concepts, { vectors });
const keyOf = concepts.map((concept) => normalizeText(concept.label));
const known = new Set(keyOf);
console.log(
  `ESCO v1.1.1: ${concepts.length} skills, ${index.labelConcept.length} labels read and indexed${vectors ? ' with word vectors' : ''} in ${Math.round(performance.now() - started)} ms`,
);

const baseline: FusionWeights = {
  whole: 1,
  labelGrams: 0,
  labelWords: 0,
  phrase: 0,
  words: 0,
  semantic: 0,
  meaning: 0,
};
for (const split of chosen.length > 0 ? chosen : splits) {
  const queries = readBenchmark(split);
  const missing = new Set([...queries.flatMap((q) => [...q.gold])].filter((g) => !known.has(g)));
  console.log(
    `\nTECH ${split}: ${queries.length} sentences with a skill; ${missing.size} gold labels absent from ESCO v1.1.1 (count as misses)`,
  );
  for (const [name, w] of [
    ['char-3-gram TF-IDF baseline', baseline],
    ['Skillmark matcher', weights],
  ] as const) {
    const timer = performance.now();
    const judged: Judged[] = queries.map(({ sentence, gold }) => ({
      ranking: [
        ...new Set(rankConcepts(index, sentence, { weights: w }).map((m) => keyOf[m.concept]!)),
      ],
      relevant: gold,
    }));
    const figures = rankingFigures(judged);
    const ms = (performance.now() - timer) / queries.length;
    console.log(
      `  ${name.padEnd(28)} RP@5 ${format(figures.rPrecisionAt5)}  MRR ${format(figures.mrr)}  MAP ${format(figures.map)}  (${ms.toFixed(1)} ms/sentence)`,
    );
  }
}
console.log(`\nWeights: ${JSON.stringify(weights)}`);
