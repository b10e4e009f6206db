import type { Actor } from '../domain/policy.ts';
import { type Html, html } from './html.ts';

export type PageChrome = {
  title: string;
  /** The navigation entry to mark as current. */
  section?:
    | 'home'
    | 'account'
    | 'learn'
    | 'wallet'
    | 'organizations'
    | 'frameworks'
    | 'docs'
    | 'verify'
    | 'admin'
    | 'sign-in'
    | 'sign-up';
  actor: Actor;
  csrfToken?: string;
  /** Extra `<head>` content (Open Graph tags and the like). */
  head?: Html;
};

const navigation: Array<{
  section: PageChrome['section'];
  href: string;
  label: string;
  audience: string;
}> = [
  {
    section: 'learn',
    href: '/learn',
    label: 'My learning',
    audience: 'For learners: progress toward credentials and next steps',
  },
  {
    section: 'wallet',
    href: '/wallet',
    label: 'Wallet',
    audience: 'For learners: every credential you hold, verified',
  },
  {
    section: 'organizations',
    href: '/organizations',
    label: 'Organizations',
    audience: 'For issuers and employers',
  },
  {
    section: 'frameworks',
    href: '/frameworks',
    label: 'Skills',
    audience: 'Competency frameworks (ESCO, CASE) and the skills credentials certify',
  },
  {
    section: 'verify',
    href: '/verify',
    label: 'Verify',
    audience: 'For employers and anyone: check a credential in seconds',
  },
  { section: 'docs', href: '/docs', label: 'API', audience: 'For developers' },
];

/** The page frame: landmarks, skip link, navigation for each audience, sign-in state. */
export function layout(chrome: PageChrome, content: Html): Html {
  const signedIn = chrome.actor.kind === 'account';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${chrome.title} · Skillmark</title>
<link rel="stylesheet" href="/assets/app.css">
${chrome.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="/">Skillmark</a>
    <nav class="primary" aria-label="Main">
      <ul>
        ${navigation.map(
          (item) =>
            html`<li><a href="${item.href}" title="${item.audience}"${chrome.section === item.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
        )}
      </ul>
    </nav>
    <div class="session">
      ${
        signedIn
          ? html`<a href="/account"${chrome.section === 'account' ? html` aria-current="page"` : ''}>Account</a>
            <form class="inline-form" method="post" action="/sign-out">
              <input type="hidden" name="_csrf" value="${chrome.csrfToken ?? ''}">
              <button class="secondary" type="submit">Sign out</button>
            </form>`
          : html`<a href="/sign-in"${chrome.section === 'sign-in' ? html` aria-current="page"` : ''}>Sign in</a>
            <a class="button" href="/sign-up">Create account</a>`
      }
    </div>
  </div>
</header>
<main id="main" tabindex="-1">
${content}
</main>
<footer class="site"><p>Skillmark: open micro-credentials, verifiable by anyone. <a href="/docs">API reference</a> · <a href="/openapi.json">OpenAPI</a></p></footer>
</body>
</html>`;
}
