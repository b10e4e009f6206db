import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createAppContext } from '../../context.ts';
import { serveEmbeddedDatabaseLocally } from '../../db/client.ts';
import { createHttpApp } from '../../http/app.ts';
import { createBulkSigner } from '../../services/bulk-awards/signer.ts';
import { bulkAwardJobHandlers } from '../../services/bulk-awards/work.ts';
import { seedDemo } from '../../services/demo-seed.ts';
import { createJobRunner } from '../../services/jobs/runner.ts';
import { startLtiGradePolling } from '../../services/lti/grade-poller.ts';
import { createOutbox, developmentMailboxSender } from '../../services/notifications/outbox.ts';
import { createSmtpSender } from '../../services/notifications/smtp-sender.ts';
import { renewalJobHandlers } from '../../services/renewal/reminders.ts';
import { startTreeHeadSigner, TREE_HEAD_INTERVAL_MS } from '../../services/transparency/signer.ts';
import { createWebhookDispatcher } from '../../services/webhooks/dispatcher.ts';

export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Apply migrations, seed the demo on a new embedded database, and serve HTTP')
    .action(async () => {
      const config = loadConfig();
      const ctx = await createAppContext(config);
      const stopLocalDatabaseServer =
        ctx.database.kind === 'embedded'
          ? await serveEmbeddedDatabaseLocally(ctx.database, config.dataDir)
          : async () => {};
      const demo =
        ctx.database.kind === 'embedded' && config.seed === 'demo'
          ? await seedDemo(ctx)
          : undefined;
      // Every app server delivers due notifications; claims with a lease keep them from sending twice.
      const outbox = createOutbox(
        ctx,
        config.smtpUrl
          ? createSmtpSender(config.smtpUrl, config.mailFrom)
          : developmentMailboxSender,
      );
      const stopOutbox = outbox.start();
      // Issue 6: durable scheduled work (expiry reminders); overdue jobs run at once after downtime.
      // Issue 9: bulk awards run on the same runner, signing on worker threads; a short interval
      // so a started list begins within seconds (claiming due jobs is one indexed query).
      const bulkSigner = createBulkSigner();
      const jobRunner = createJobRunner(
        ctx,
        { ...renewalJobHandlers, ...bulkAwardJobHandlers(bulkSigner.sign) },
        { intervalMs: 3000 },
      );
      jobRunner.start();
      // Issue 11: webhook outbox; deliveries enqueued before a restart go out now.
      const webhooks = createWebhookDispatcher(ctx, ctx.outboundHttp);
      webhooks.start();
      // Issue 11: LMS grades (LTI AGS) read every 15 minutes; qualifying learners are awarded once.
      const stopLtiGradePolling = startLtiGradePolling(ctx);
      // Issue 10: a signed tree head whenever the log has grown, every interval.
      const stopTreeHeadSigner = startTreeHeadSigner(ctx, TREE_HEAD_INTERVAL_MS);
      const app = createHttpApp(ctx);
      const server = serve(
        { fetch: app.fetch, port: config.port, hostname: config.host },
        (info) => {
          const lines = [`Skillmark is running at ${config.publicUrl} (port ${info.port}).`];
          lines.push(
            ctx.database.kind === 'postgres'
              ? 'Database: PostgreSQL (DATABASE_URL).'
              : `Database: embedded PGlite in ${config.dataDir}.`,
          );
          if (demo) {
            lines.push(
              'Demo data was created. Sign in as any of these, with the password',
              `  ${demo.password}`,
            );
            for (const person of demo.people)
              lines.push(`  ${person.email.padEnd(42)} ${person.displayName}, ${person.role}`);
          }
          lines.push(`API reference: ${config.publicUrl}/docs`);
          process.stdout.write(`${lines.join('\n')}\n`);
        },
      );
      // Longer than a load balancer's idle timeout (typically 60 s), so the balancer, not this
      // server, closes idle keep-alive connections and never reuses one being closed here.
      Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
      const shutdown = () => {
        stopOutbox();
        stopLtiGradePolling();
        stopTreeHeadSigner();
        server.close(async () => {
          await jobRunner.stop();
          await webhooks.stop();
          await bulkSigner.close();
          await stopLocalDatabaseServer();
          await ctx.close();
          process.exit(0);
        });
        // Keep-alive connections would hold close() open; give them a moment, then go.
        setTimeout(() => process.exit(0), 5000).unref();
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
