import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { type AppContext, createAppContext, redactedLogPaths } from '../../src/context.ts';
import type { SafeFetch } from '../../src/credentials/index.ts';
import { createHttpApp } from '../../src/http/app.ts';
import type { Api } from '../../src/http/env.ts';
import { createPasswordHasher } from '../../src/services/auth/passwords.ts';
import type { OutboundHttp } from '../../src/services/outbound-http.ts';
import { openTestDatabase } from './database.ts';

export const testAdminToken = `admin-${'x'.repeat(40)}`;

export type TestApp = {
  app: Api;
  ctx: AppContext;
  /** Every log line written during the test file, to check that no secret leaks into logs. */
  logs: string[];
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
};

export type RequestOptions = {
  json?: unknown;
  body?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
};

export type TestResponse = {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes
  json: any;
  setCookie: string | null;
};

/** The real app on its own migrated database, driven in-process (no port). */
export async function createTestApp(
  options: {
    now?: () => Date;
    env?: Record<string, string>;
    safeFetch?: SafeFetch;
    outboundHttp?: OutboundHttp;
  } = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const logger = pino(
    { level: 'info', redact: { paths: redactedLogPaths, censor: '[redacted]' } },
    new Writable({
      write(chunk, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    }),
  );
  const config = loadConfig({
    SKILLMARK_DATA_DIR: `/tmp/skillmark-test-${randomBytes(4).toString('hex')}`,
    SKILLMARK_SECRET_KEY: randomBytes(32).toString('base64'),
    SKILLMARK_ADMIN_TOKEN: testAdminToken,
    SKILLMARK_PUBLIC_URL: 'http://localhost:3000',
    // Each request below comes from its own made-up address, so the sign-in rate limit only
    // bites in the test that fixes one address on purpose.
    SKILLMARK_TRUST_PROXY: 'true',
    ...options.env,
  });
  const ctx = await createAppContext(config, {
    database: await openTestDatabase(),
    migrate: false,
    logger,
    now: options.now,
    safeFetch: options.safeFetch,
    outboundHttp: options.outboundHttp,
    // Cheaper scrypt keeps sign-ups fast in tests; the production cost is tested in passwords.test.ts.
    passwords: createPasswordHasher({ cost: 2 ** 10 }),
  });
  const app = createHttpApp(ctx);
  return {
    app,
    ctx,
    logs,
    async request(method, path, request = {}) {
      const headers: Record<string, string> = {
        'x-forwarded-for': randomBytes(4).join('.'),
        ...request.headers,
      };
      if (request.json !== undefined) headers['content-type'] ??= 'application/json';
      if (request.token) headers.authorization = `Bearer ${request.token}`;
      if (request.cookie) headers.cookie = request.cookie;
      const response = await app.request(path, {
        method,
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return {
        status: response.status,
        headers: response.headers,
        text,
        json,
        setCookie: response.headers.get('set-cookie'),
      };
    },
    close: () => ctx.close(),
  };
}
