import { randomUUID } from 'node:crypto';
import { findOrganizationBySlug } from '../../src/db/repositories/organizations.ts';
import { competencies, frameworks } from '../../src/db/schema.ts';
import type { TestApp } from './app.ts';
import { unique } from './factories.ts';

/**
 * A framework with competencies, inserted directly (the frameworks API is tested on its own).
 * `source: 'esco'` makes a platform-wide, read-only framework like the ESCO import.
 */
export async function insertFramework(
  t: TestApp,
  options: {
    organizationId?: string | null;
    source?: 'local' | 'case' | 'esco';
    statements: string[];
  },
) {
  const frameworkId = randomUUID();
  const identifier = unique('framework');
  const base =
    options.source === 'esco'
      ? 'http://data.europa.eu/esco/skill'
      : `${t.ctx.publicUrl}/frameworks/${frameworkId}/competencies`;
  await t.ctx.db.insert(frameworks).values({
    id: frameworkId,
    organizationId: options.source === 'esco' ? null : (options.organizationId ?? null),
    source: options.source ?? 'local',
    identifier,
    uri: `${t.ctx.publicUrl}/frameworks/${frameworkId}`,
    title: options.source === 'esco' ? 'ESCO' : `Framework ${identifier}`,
    readOnly: options.source === 'esco',
    attribution: options.source === 'esco' ? 'ESCO, European Commission' : null,
  });
  const rows = options.statements.map((statement, index) => {
    const id = randomUUID();
    return {
      id,
      frameworkId,
      identifier: id,
      uri: `${base}/${id}`,
      statement,
      code: `C${index + 1}`,
      sequenceNumber: index,
    };
  });
  await t.ctx.db.insert(competencies).values(rows);
  return { frameworkId, competencies: rows };
}

export async function organizationIdOf(t: TestApp, slug: string): Promise<string> {
  const organization = await findOrganizationBySlug(t.ctx.db, slug);
  if (!organization) throw new Error(`no organization ${slug}`);
  return organization.id;
}
