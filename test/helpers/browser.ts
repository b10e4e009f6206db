import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

/** Debian's Chromium, installed by scripts/install-system-packages.sh; never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(
    `Browser tests skipped: ${chromiumPath} is missing (bash scripts/install-system-packages.sh installs it).`,
  );
}

/**
 * Serves the test app on an ephemeral loopback port and launches headless Chromium with the
 * flags this closed network needs (no background connections to Google's hosts).
 */
export async function openBrowserOn(
  t: TestApp,
): Promise<{ baseUrl: string; browser: Browser; close(): Promise<void> }> {
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

export type BrowserApp = { t: TestApp; browser: Browser; baseUrl: string };

/**
 * For a `describe` block: a fresh test app (real clock, so the browser keeps its session cookie)
 * served to headless Chromium before its tests and closed after them. `ready` receives it, and
 * may seed data first; `timeoutMs` is for slow seeding.
 */
export function useBrowserApp(
  ready: (app: BrowserApp) => unknown | Promise<unknown>,
  timeoutMs?: number,
) {
  let t: TestApp | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    const opened = await openBrowserOn(t);
    close = opened.close;
    await ready({ t, browser: opened.browser, baseUrl: opened.baseUrl });
  }, timeoutMs);
  afterAll(async () => {
    await close?.();
    await t?.close();
  });
}
