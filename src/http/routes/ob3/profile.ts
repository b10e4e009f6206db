import type { Hono } from 'hono';
import { ValidationError } from '../../../domain/errors.ts';
import { getProfile, putProfile } from '../../../services/ob3-api/profile.ts';
import type { Ob3Env } from './env.ts';

/** OB 3.0 getProfile and putProfile, for the learner behind the access token. */
export function mountOb3Profile(api: Hono<Ob3Env>) {
  api.get('/profile', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await getProfile(c.get('ctx'), c.get('principal')), 200);
  });

  api.put('/profile', async (c) => {
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json')
      throw new ValidationError('Send the profile as JSON with "Content-Type: application/json".');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ValidationError('The body is not valid JSON.');
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await putProfile(c.get('ctx'), c.get('principal'), body), 200);
  });
}
