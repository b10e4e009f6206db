import type { MailboxEntry } from '../../services/notifications/mailbox.ts';
import { type Html, html } from '../html.ts';

/** The development mailbox: notifications as stored, with their delivery state. */
export function mailboxPage(entries: MailboxEntry[]): Html {
  return html`<h1>Development mailbox</h1>
<p>Every notification is stored before it is sent; this page lists them with their delivery state.</p>
${
  entries.length === 0
    ? html`<p>No messages.</p>`
    : entries.map(
        (m) => html`<article class="card" aria-labelledby="message-${m.id}">
  <h2 id="message-${m.id}">${m.subject}</h2>
  <p class="hint">To ${m.to} · ${m.createdAt.slice(0, 16).replace('T', ' ')} UTC · ${
    m.sentAt
      ? `delivered ${m.sentAt.slice(0, 16).replace('T', ' ')} UTC`
      : `waiting${m.attempts > 0 ? ` (tried ${m.attempts} times: ${m.lastError ?? 'error'})` : ''}`
  }</p>
  <p>${m.body}</p>
  ${m.link ? html`<p><a href="${m.link}">${m.link}</a></p>` : ''}
</article>`,
      )
}`;
}
