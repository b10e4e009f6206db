import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { sharedDataPath } from '../../../test/helpers/shared-data.ts';
import { insertCompetency } from '../../db/repositories/competencies.ts';
import { insertFramework, updateFramework } from '../../db/repositories/frameworks.ts';
import { insertOrganization } from '../../db/repositories/organizations.ts';
import { competencies } from '../../db/schema.ts';
import { ValidationError } from '../../domain/errors.ts';
import { importEsco } from '../frameworks/esco-import.ts';
import { understandGoal } from './understand-goal.ts';

const escoSubset = sharedDataPath('esco/ict-subset');
const operator = { kind: 'admin-token' } as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const labels = (list: { label: string }[]) => list.map((c) => c.label);

describe('understandGoal without ESCO', () => {
  it('returns empty lists, not an error', async () => {
    expect(await understandGoal(t.ctx, 'data engineer')).toEqual({ occupations: [], skills: [] });
  });
});

describe.skipIf(!escoSubset)('understandGoal on the ESCO ICT subset', () => {
  let frameworkId: string;
  beforeAll(async () => {
    const summary = await importEsco(t.ctx, operator, [escoSubset!], { version: 'ict-subset' });
    frameworkId = summary.framework.id;
  });

  it('ranks the occupation whose preferred label is the text first, as an exact match', async () => {
    const { occupations } = await understandGoal(t.ctx, 'Database administrator');
    expect(occupations[0]).toMatchObject({
      label: 'database administrator',
      matchedBy: 'exact',
      score: 1,
    });
    expect(occupations[0]!.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
    expect(occupations[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finds "data engineer" through the alternative label ESCO gives it', async () => {
    const { occupations } = await understandGoal(t.ctx, 'data engineer');
    expect(occupations[0]).toMatchObject({ label: 'data scientist', matchedBy: 'alt-label' });
    expect(occupations.slice(1).every((o) => o.matchedBy === 'lexical')).toBe(true);
    expect(occupations[1]!.score).toBeLessThan(occupations[0]!.score);
  });

  it('ranks the skills a sentence about the job talks about in the top five', async () => {
    const { skills, occupations } = await understandGoal(
      t.ctx,
      'I want to design relational databases and write SQL queries for reporting.',
      { limit: 5 },
    );
    expect(skills).toHaveLength(5);
    expect(labels(skills)).toContain('SQL');
    expect(labels(occupations).some((label) => label.startsWith('database'))).toBe(true);
    expect(skills.map((s) => s.score)).toEqual(
      [...skills.map((s) => s.score)].sort((a, b) => b - a),
    );
  });

  it('tolerates misspelling and inflection through character n-grams', async () => {
    const { occupations } = await understandGoal(t.ctx, 'databse administrators');
    expect(occupations[0]).toMatchObject({ label: 'database administrator', matchedBy: 'lexical' });
  });

  it('rebuilds its index when the ESCO framework changes', async () => {
    const before = await understandGoal(t.ctx, 'quantum gizmo wrangling');
    expect(labels(before.skills)).not.toContain('SQL');
    await t.ctx.db
      .update(competencies)
      .set({ altLabels: ['quantum gizmo wrangling'], updatedAt: new Date(Date.now() + 60_000) })
      .where(and(eq(competencies.frameworkId, frameworkId), eq(competencies.statement, 'SQL')));
    await updateFramework(t.ctx.db, frameworkId, { updatedAt: new Date(Date.now() + 60_000) });
    const after = await understandGoal(t.ctx, 'quantum gizmo wrangling');
    expect(after.skills[0]).toMatchObject({ label: 'SQL', matchedBy: 'alt-label' });
  });

  it('keeps to the limit asked for, within 1 to 100, and is empty for blank text', async () => {
    expect((await understandGoal(t.ctx, 'software developer', { limit: 3 })).skills).toHaveLength(
      3,
    );
    expect((await understandGoal(t.ctx, 'software developer', { limit: 0 })).skills).toHaveLength(
      1,
    );
    expect((await understandGoal(t.ctx, ' \n ')).skills).toEqual([]);
  });

  it('refuses a text too long to be a goal, saying how long it may be', async () => {
    await expect(understandGoal(t.ctx, 'data '.repeat(1001))).rejects.toThrow(ValidationError);
    await expect(understandGoal(t.ctx, 'data '.repeat(1001))).rejects.toThrow(
      /at most 5000 characters/,
    );
  });

  it('ranks only ESCO skills, not the competencies of an organization framework', async () => {
    const { id: organizationId } = await insertOrganization(t.ctx.db, {
      id: randomUUID(),
      slug: `goal-org-${randomUUID().slice(0, 8)}`,
      name: 'Goal Org',
      kind: 'university',
    });
    const local = await insertFramework(t.ctx.db, {
      id: randomUUID(),
      organizationId,
      source: 'local',
      identifier: 'local-sql',
      uri: 'urn:test:local-sql',
      title: 'Local',
    });
    await insertCompetency(t.ctx.db, {
      id: randomUUID(),
      frameworkId: local.id,
      identifier: 'sql-wizardry',
      uri: 'urn:test:sql-wizardry',
      statement: 'SQL wizardry',
    });
    // A rebuild reads the labels again, so the query below sees what the repository selects.
    await updateFramework(t.ctx.db, frameworkId, { updatedAt: new Date(Date.now() + 120_000) });
    const { skills } = await understandGoal(t.ctx, 'SQL wizardry', { limit: 100 });
    expect(labels(skills)).not.toContain('SQL wizardry');
    expect(labels(skills)).toContain('SQL');
  });

  it('gives the same ranking on every call', async () => {
    const text = 'build data pipelines in Python and manage cloud infrastructure';
    expect(await understandGoal(t.ctx, text)).toEqual(await understandGoal(t.ctx, text));
  });
});
