/**
 * Notifications go through an outbox: a message is stored first (in the transaction that
 * caused it), then a sender delivers it. A failed delivery stays stored and is retried with
 * exponential back-off, without limit: nothing is lost because a mail server was down.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  claimDueNotifications,
  insertNotification,
  markNotificationFailed,
  markNotificationSent,
  type NotificationRow,
} from '../../db/repositories/notifications.ts';
import type { ServiceContext } from '../context.ts';

export type OutgoingMessage = {
  to: string;
  subject: string;
  text: string;
  link: string | null;
};

/** Delivers one message or throws; swappable (SMTP, development mailbox, tests). */
export type NotificationSender = {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
};

/**
 * The development default: delivery means "visible in the development mailbox" (`/dev/mailbox`),
 * which lists the stored notifications, so sending only marks them delivered.
 */
export const developmentMailboxSender: NotificationSender = {
  name: 'development-mailbox',
  async send() {},
};

export type NewNotification = {
  accountId: string;
  email: string;
  kind: string;
  subject: string;
  body: string;
  link?: string | null;
};

/** Stores a notification for delivery; call it inside the transaction that caused it. */
export async function enqueueNotification(
  db: Db,
  now: Date,
  notification: NewNotification,
): Promise<NotificationRow> {
  return insertNotification(db, {
    id: randomUUID(),
    ...notification,
    link: notification.link ?? null,
    createdAt: now,
    nextAttemptAt: now,
  });
}

export type OutboxOptions = {
  batchSize?: number;
  /** Delay after the first failure; doubles with each further failure. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed message is reserved for one worker before another may retry it. */
  leaseMs?: number;
};

export type Outbox = {
  readonly sender: NotificationSender;
  /** Sends every due message once; returns how many were sent and how many failed. */
  deliverDue(): Promise<{ sent: number; failed: number }>;
  /** Delivers due messages every `intervalMs` until the returned function is called. */
  start(intervalMs?: number): () => void;
};

/** The delay before the next try after `attempts` failed ones: 30 s, 1 min, 2 min … at most 6 h. */
export function retryDelayMs(attempts: number, baseDelayMs = 30_000, maxDelayMs = 21_600_000) {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function createOutbox(
  ctx: ServiceContext,
  sender: NotificationSender,
  options: OutboxOptions = {},
): Outbox {
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  async function deliverDue() {
    let sent = 0;
    let failed = 0;
    const now = ctx.now();
    const claimed = await claimDueNotifications(
      ctx.db,
      now,
      batchSize,
      new Date(now.getTime() + leaseMs),
    );
    for (const message of claimed) {
      const attempts = message.attempts + 1;
      try {
        await sender.send({
          to: message.email,
          subject: message.subject,
          text: message.link ? `${message.body}\n\n${message.link}` : message.body,
          link: message.link,
        });
        await markNotificationSent(ctx.db, message.id, ctx.now(), attempts);
        sent += 1;
      } catch (error) {
        failed += 1;
        const delay = retryDelayMs(attempts, options.baseDelayMs, options.maxDelayMs);
        await markNotificationFailed(ctx.db, message.id, {
          attempts,
          lastError: String((error as Error).message ?? error).slice(0, 500),
          nextAttemptAt: new Date(ctx.now().getTime() + delay),
        });
        ctx.logger.warn(
          { notificationId: message.id, attempts, sender: sender.name },
          'notification delivery failed; will retry',
        );
      }
    }
    return { sent, failed };
  }
  return {
    sender,
    deliverDue,
    start(intervalMs = 10_000) {
      let running = false;
      const timer = setInterval(async () => {
        if (running) return;
        running = true;
        try {
          await deliverDue();
        } catch (error) {
          ctx.logger.error({ err: error }, 'outbox run failed');
        } finally {
          running = false;
        }
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
