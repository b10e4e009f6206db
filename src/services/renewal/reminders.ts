/**
 * Expiry reminders (issue 6 item 4): planned as durable jobs when a credential with `validUntil`
 * is issued, sent through the notification outbox to the learner and the issuer's owners.
 */
import type { Db } from '../../db/client.ts';
import { findAchievement } from '../../db/repositories/achievements.ts';
import { findIssuedCredential } from '../../db/repositories/issued-credentials.ts';
import {
  findAccountIdByEmail,
  findRenewalOf,
  listOwnersWithEmail,
} from '../../db/repositories/renewals.ts';
import {
  DEFAULT_REMINDER_DAYS,
  daysUntil,
  planReminders,
  reminderDedupeKey,
} from '../../domain/renewal/reminders.ts';
import type { ServiceContext } from '../context.ts';
import { type JobHandler, scheduleJobs } from '../jobs/runner.ts';
import { enqueueNotification } from '../notifications/outbox.ts';

export const EXPIRY_REMINDER_JOB = 'credential-expiry-reminder';

/**
 * The configured reminder days (SKILLMARK_REMINDER_DAYS). The application context carries the
 * configuration; a bare service context (scripts, unit tests) uses the default schedule.
 */
export function reminderDaysOf(ctx: ServiceContext): readonly number[] {
  return ctx.reminderDays.length > 0 ? ctx.reminderDays : DEFAULT_REMINDER_DAYS;
}

/**
 * Plans the expiry reminders of a just-issued credential; call it in the issuing transaction.
 * Reminders already past at issue time are skipped; the dedupe key makes this idempotent.
 */
export async function scheduleExpiryReminders(
  ctx: ServiceContext,
  db: Db,
  credential: { id: string; validUntil: Date; issuedAt: Date },
): Promise<void> {
  await scheduleExpiryRemindersOfMany(ctx, db, [credential]);
}

/** The same for many credentials (issue 9: a bulk award's batch), in multi-row inserts. */
export async function scheduleExpiryRemindersOfMany(
  ctx: ServiceContext,
  db: Db,
  credentials: ReadonlyArray<{ id: string; validUntil: Date; issuedAt: Date }>,
): Promise<void> {
  await scheduleJobs(
    db,
    credentials.flatMap((credential) =>
      planReminders(credential.validUntil, credential.issuedAt, reminderDaysOf(ctx)).map(
        (reminder) => ({
          kind: EXPIRY_REMINDER_JOB,
          payload: { credentialId: credential.id, days: reminder.days },
          runAt: reminder.runAt,
          dedupeKey: reminderDedupeKey(credential.id, reminder.days),
        }),
      ),
    ),
  );
}

/**
 * Sends one reminder: to the learner (when the recipient address belongs to an account) and to
 * every owner of the issuing organization. Revoked or already renewed credentials get none.
 * Runs in the job's transaction, so the notifications and the job's "done" commit together.
 */
export const sendExpiryReminder: JobHandler = async (ctx, payload) => {
  const credentialId = String(payload.credentialId);
  const credential = await findIssuedCredential(ctx.db, credentialId);
  if (!credential?.validUntil || credential.revokedAt) return;
  if (await findRenewalOf(ctx.db, credentialId)) return;
  const now = ctx.now();
  const achievement = credential.achievementId
    ? await findAchievement(ctx.db, credential.achievementId)
    : undefined;
  const name = achievement?.name ?? 'your credential';
  const expiry = credential.validUntil.toISOString().slice(0, 10);
  const left = daysUntil(credential.validUntil, now);
  const when = left > 0 ? `expires on ${expiry} (in ${left} days)` : `expired on ${expiry}`;
  if (credential.recipientEmail) {
    const accountId = await findAccountIdByEmail(ctx.db, credential.recipientEmail);
    if (accountId)
      await enqueueNotification(ctx.db, now, {
        accountId,
        email: credential.recipientEmail,
        kind: 'credential-expiry-reminder',
        subject: `${name} ${left > 0 ? `expires in ${left} days` : 'has expired'}`,
        body: `Your credential ${name} ${when}. Renew it to keep it current: the renewals page shows what renewal takes.`,
        link: `${ctx.publicUrl}/renewals`,
      });
  }
  for (const owner of await listOwnersWithEmail(ctx.db, credential.organizationId)) {
    await enqueueNotification(ctx.db, now, {
      accountId: owner.accountId,
      email: owner.email,
      kind: 'credential-expiry-reminder-issuer',
      subject: `A credential of ${name} ${left > 0 ? `expires in ${left} days` : 'has expired'}`,
      body: `The credential ${name} issued to ${credential.recipientEmail ?? 'a DID holder'} ${when}. The learner was invited to renew it; continuing-education claims await your review.`,
      link: `${ctx.publicUrl}/credentials/${credential.id}`,
    });
  }
};

/** Every job kind the application runs, for the job runner. */
export const renewalJobHandlers: Record<string, JobHandler> = {
  [EXPIRY_REMINDER_JOB]: sendExpiryReminder,
};
