/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The impacts that fail a page; lesser ones are reported, not fatal. */
const failingImpacts = new Set(['serious', 'critical']);

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
};

export type AxeReport = { url: string; failing: AxeViolation[]; minor: AxeViolation[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now. The page's
 * context needs `bypassCSP: true`: axe is injected as an inline script, which our CSP refuses.
 */
export async function checkAccessibility(page: Page): Promise<AxeReport> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    // axe-core adds itself to window; the page has no types for it.
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      resultTypes: ['violations'],
    })) as {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return {
    url: page.url(),
    failing: violations.filter((v) => failingImpacts.has(v.impact ?? '')),
    minor: violations.filter((v) => !failingImpacts.has(v.impact ?? '')),
  };
}

/** One line per violation, for test output and failure messages. */
export function describeViolations(report: AxeReport, which: 'failing' | 'minor'): string[] {
  return report[which].map(
    (v) => `${report.url}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
  );
}
