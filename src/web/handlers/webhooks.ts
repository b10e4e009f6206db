import { z } from 'zod';
import { webhookEventTypes } from '../../domain/webhooks/events.ts';
import type { Api } from '../../http/env.ts';
import { getOrganization } from '../../services/organizations.ts';
import {
  createWebhookEndpoint,
  getWebhookDeliveries,
  getWebhookEndpoints,
  redeliverWebhook,
  removeWebhookEndpoint,
} from '../../services/webhooks/endpoints.ts';
import { type WebhookForm, webhookDeliveriesPage, webhooksPage } from '../pages/webhooks.ts';
import {
  csrfTokenOf,
  fieldErrorsOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  render,
  signInFirst,
  type WebContext,
} from '../render.ts';

const endpointForm = z.object({
  url: z.string().trim().min(1, { message: 'is required' }).max(2000),
  eventTypes: z.array(z.enum(webhookEventTypes)).min(1, { message: 'choose at least one' }),
  description: z.string().trim().max(200).optional(),
});

async function showEndpoints(c: WebContext, form: WebhookForm = {}, status: 200 | 201 | 400 = 200) {
  const ctx = c.get('ctx');
  const slug = c.req.param('slug')!;
  if (c.get('actor').kind === 'anonymous') return signInFirst(c, `/organizations/${slug}/webhooks`);
  const organization = await getOrganization(ctx, slug);
  const endpoints = await getWebhookEndpoints(ctx, c.get('actor'), slug);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    { title: `Webhooks of ${organization.name}`, section: 'organizations' },
    webhooksPage(organization, endpoints, csrfTokenOf(c), form),
    status,
  );
}

async function showDeliveries(c: WebContext, notice?: string) {
  const ctx = c.get('ctx');
  const { slug, endpointId } = c.req.param() as { slug: string; endpointId: string };
  if (c.get('actor').kind === 'anonymous') return signInFirst(c);
  const organization = await getOrganization(ctx, slug);
  const endpoints = await getWebhookEndpoints(ctx, c.get('actor'), slug);
  const endpoint = endpoints.find((e) => e.id === endpointId);
  if (!endpoint) return c.notFound();
  const deliveries = await getWebhookDeliveries(ctx, c.get('actor'), slug, endpointId);
  return render(
    c,
    { title: 'Webhook delivery log', section: 'organizations' },
    webhookDeliveriesPage(organization, endpoint, deliveries, csrfTokenOf(c), notice),
  );
}

export function mountWebhookPages(app: Api) {
  app.get('/organizations/:slug/webhooks', (c) => showEndpoints(c));
  app.post('/organizations/:slug/webhooks', async (c) => {
    // Checkboxes repeat `eventTypes`, which the shared form reader drops.
    const body = await c.req.parseBody({ all: true });
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const eventTypes = [body.eventTypes ?? []].flat().filter((v) => typeof v === 'string');
    const values = { url: form.url, description: form.description, eventTypes };
    const parsed = endpointForm.safeParse({
      url: form.url,
      eventTypes,
      description: form.description || undefined,
    });
    if (!parsed.success)
      return showEndpoints(c, { values, errors: fieldErrorsOf(parsed.error) }, 400);
    try {
      const created = await createWebhookEndpoint(
        c.get('ctx'),
        c.get('actor'),
        c.req.param('slug'),
        parsed.data,
      );
      return showEndpoints(c, { newSecret: created.secret }, 201);
    } catch (error) {
      const failure = formFailure(error);
      return showEndpoints(
        c,
        { values, message: failure.message, errors: failure.errors },
        failure.status as 400,
      );
    }
  });
  app.post('/organizations/:slug/webhooks/:endpointId/remove', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    await removeWebhookEndpoint(
      c.get('ctx'),
      c.get('actor'),
      c.req.param('slug'),
      c.req.param('endpointId'),
    );
    return showEndpoints(c, { notice: 'Endpoint removed; nothing more is sent to it.' });
  });
  app.get('/organizations/:slug/webhooks/:endpointId', (c) => showDeliveries(c));
  app.post(
    '/organizations/:slug/webhooks/:endpointId/deliveries/:deliveryId/redeliver',
    async (c) => {
      const form = await readForm(c);
      if (!formIsTrusted(c, form)) return formExpired(c);
      await redeliverWebhook(
        c.get('ctx'),
        c.get('actor'),
        c.req.param('slug'),
        c.req.param('endpointId'),
        c.req.param('deliveryId'),
      );
      return showDeliveries(c, 'Queued again; it goes out within seconds.');
    },
  );
}
