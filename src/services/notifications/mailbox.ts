import { listNotifications } from '../../db/repositories/notifications.ts';
import { NotAuthenticatedError } from '../../domain/errors.ts';
import { type Actor, authorize, isPlatformAdmin } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';

export type MailboxEntry = {
  id: string;
  to: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

/**
 * The development mailbox: every stored notification for platform admins; in development mode
 * (the embedded database), each signed-in person also sees their own messages there.
 */
export async function readMailbox(
  ctx: ServiceContext,
  actor: Actor,
  options: { developmentMode: boolean },
): Promise<MailboxEntry[]> {
  let accountId: string | undefined;
  if (!isPlatformAdmin(actor)) {
    if (!options.developmentMode || actor.kind !== 'account') {
      if (actor.kind === 'anonymous') throw new NotAuthenticatedError();
      authorize(actor, { action: 'platform:administer' }, 'Only platform admins read the mailbox.');
    }
    accountId = actor.kind === 'account' ? actor.accountId : undefined;
  }
  const rows = await listNotifications(ctx.db, { accountId, limit: 200 });
  return rows.map((row) => ({
    id: row.id,
    to: row.email,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
  }));
}
