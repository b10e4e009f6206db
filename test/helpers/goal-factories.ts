import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { competencyAssociations, occupationSkills, occupations } from '../../src/db/schema.ts';
import { fullAchievementDefinition } from '../../src/domain/testing/achievement-examples.ts';
import type { TestApp } from './app.ts';
import { unique } from './factories.ts';
import { insertFramework } from './learning-factories.ts';

export type EscoSlice = {
  frameworkId: string;
  skill: Record<'python' | 'sql' | 'databases' | 'postgres' | 'cloud', { id: string; uri: string }>;
  occupationId: string;
};

/**
 * A small ESCO-shaped slice: five skills (PostgreSQL isChildOf databases), and a "data engineer"
 * occupation needing Python, SQL and databases (essential) and cloud (optional).
 */
export async function seedEscoSlice(t: TestApp): Promise<EscoSlice> {
  const names = ['python', 'sql', 'databases', 'postgres', 'cloud'] as const;
  const { frameworkId, competencies } = await insertFramework(t, {
    source: 'esco',
    statements: ['Python', 'SQL', 'databases', 'PostgreSQL', 'cloud technologies'],
  });
  const skill = Object.fromEntries(
    names.map((n, i) => [n, { id: competencies[i]!.id, uri: competencies[i]!.uri }]),
  ) as EscoSlice['skill'];
  await t.ctx.db.insert(competencyAssociations).values({
    id: randomUUID(),
    frameworkId,
    identifier: `isChildOf ${skill.postgres.uri} ${skill.databases.uri}`,
    associationType: 'isChildOf',
    originId: skill.postgres.id,
    originUri: skill.postgres.uri,
    destinationId: skill.databases.id,
    destinationUri: skill.databases.uri,
  });
  const occupationId = randomUUID();
  await t.ctx.db.insert(occupations).values({
    id: occupationId,
    frameworkId,
    uri: `http://data.europa.eu/esco/occupation/${occupationId}`,
    preferredLabel: `data engineer ${unique('o')}`,
  });
  await t.ctx.db.insert(occupationSkills).values([
    { occupationId, competencyId: skill.python.id, relation: 'essential' },
    { occupationId, competencyId: skill.sql.id, relation: 'essential' },
    { occupationId, competencyId: skill.databases.id, relation: 'essential' },
    { occupationId, competencyId: skill.cloud.id, relation: 'optional' },
  ]);
  return { frameworkId, skill, occupationId };
}

/** An achievement of the issuer aligned to the given skills, with a workload in hours. */
export async function createAlignedAchievement(
  t: TestApp,
  issuer: { slug: string; token: string },
  name: string,
  skills: ReadonlyArray<{ uri: string }>,
  hours: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const definition = fullAchievementDefinition();
  const created = await t.request('POST', `/api/v1/organizations/${issuer.slug}/achievements`, {
    token: issuer.token,
    json: {
      ...definition,
      name,
      alignments: skills.map((s, i) => ({
        targetName: `${name} skill ${i + 1}`,
        targetUrl: s.uri,
      })),
      euElements: { ...(definition.euElements as object), notionalWorkloadHours: hours },
      ...extra,
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.json.id.split('/').at(-1);
}
