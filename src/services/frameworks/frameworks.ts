import { randomUUID } from 'node:crypto';
import {
  type FrameworkRow,
  findFramework,
  insertFramework,
  listFrameworks,
  loadFrameworkHierarchy,
} from '../../db/repositories/frameworks.ts';
import { findOrganizationById } from '../../db/repositories/organizations.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { type FrameworkInput, localFrameworkUri } from '../../domain/frameworks/competency.ts';
import { buildTree, type Tree } from '../../domain/frameworks/tree.ts';
import { type Actor, authorize } from '../../domain/policy.ts';
import { recordAudit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { type FrameworkView, presentFramework } from './present.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Larger frameworks (ESCO: 14,500 nodes) are served a few levels at a time. */
export const FULL_TREE_LIMIT = 2000;
export const LARGE_TREE_DEPTH = 3;

export async function requireFramework(ctx: ServiceContext, id: string): Promise<FrameworkRow> {
  const row = UUID.test(id) ? await findFramework(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('There is no framework with this id.');
  return row;
}

async function ownerOf(ctx: ServiceContext, row: FrameworkRow) {
  if (!row.organizationId) return null;
  const organization = await findOrganizationById(ctx.db, row.organizationId);
  return organization ? { slug: organization.slug, name: organization.name } : null;
}

export async function viewFramework(ctx: ServiceContext, row: FrameworkRow) {
  return presentFramework(row, await ownerOf(ctx, row));
}

/**
 * Who may change a framework: its organization's owners and issuers (platform admins for the
 * platform's own); and nobody by hand when it is an import, which changes only by re-import.
 */
export function authorizeFrameworkEdit(actor: Actor, framework: FrameworkRow): void {
  if (framework.organizationId === null) {
    authorize(
      actor,
      { action: 'platform:administer' },
      `"${framework.title}" belongs to the platform and is read-only.`,
    );
  } else {
    authorize(
      actor,
      { action: 'achievement:manage', organizationId: framework.organizationId },
      'Only owners and issuers of its organization edit this framework.',
    );
  }
  if (framework.readOnly) {
    throw new ConflictError(
      `"${framework.title}" is read-only: it is imported (${framework.source.toUpperCase()}) and changes only by re-importing its source.`,
    );
  }
}

export async function createFramework(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  input: FrameworkInput,
): Promise<FrameworkView> {
  const organization = await getOrganization(ctx, slug);
  authorize(
    actor,
    { action: 'achievement:manage', organizationId: organization.id },
    'Only owners and issuers define competency frameworks.',
  );
  const row = await ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const created = await insertFramework(tx, {
      id,
      organizationId: organization.id,
      source: 'local',
      identifier: id,
      uri: localFrameworkUri(ctx.publicUrl, id),
      title: input.title,
      description: input.description ?? null,
      creator: input.creator ?? organization.name,
      version: input.version ?? null,
      language: input.language ?? null,
      readOnly: false,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, actor, 'framework.created', {
      organizationId: organization.id,
      target: id,
    });
    return created;
  });
  return presentFramework(row, { slug: organization.slug, name: organization.name }, 0);
}

/** Public: every framework (or one organization's), with its size. */
export async function listFrameworkViews(
  ctx: ServiceContext,
  slug?: string,
): Promise<FrameworkView[]> {
  const organizationId = slug ? (await getOrganization(ctx, slug)).id : undefined;
  const rows = await listFrameworks(ctx.db, organizationId);
  return rows.map((row) =>
    presentFramework(
      row,
      row.organizationSlug ? { slug: row.organizationSlug, name: row.organizationName! } : null,
      row.competencyCount,
    ),
  );
}

/**
 * A framework with its hierarchy. Small frameworks come whole; large ones to `LARGE_TREE_DEPTH`
 * levels unless a depth is asked for (`truncated` says so; each node carries `childCount`).
 */
export async function getFrameworkTree(
  ctx: ServiceContext,
  id: string,
  options: { depth?: number } = {},
): Promise<{ framework: FrameworkView; tree: Tree }> {
  const row = await requireFramework(ctx, id);
  const { nodes, links } = await loadFrameworkHierarchy(ctx.db, row.id);
  const depth = options.depth ?? (nodes.length > FULL_TREE_LIMIT ? LARGE_TREE_DEPTH : undefined);
  const tree = buildTree(nodes, links, { maxDepth: depth });
  return { framework: presentFramework(row, await ownerOf(ctx, row), nodes.length), tree };
}
