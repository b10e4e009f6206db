import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { SkillmarkError } from '../domain/errors.ts';
import type { HttpEnv } from '../http/env.ts';
import { csrfTokenFor, csrfTokenMatches } from './csrf.ts';
import type { FieldErrors } from './forms.ts';
import type { Html } from './html.ts';
import { layout, type PageChrome } from './layout.ts';
import { csrfRefusedPage } from './pages/auth-pages.ts';

export type WebContext = Context<HttpEnv>;

export function csrfTokenOf(c: WebContext): string | undefined {
  const session = c.get('sessionToken');
  return session ? csrfTokenFor(c.get('ctx').config.secretKey, session) : undefined;
}

export function render(
  c: WebContext,
  chrome: Omit<PageChrome, 'actor' | 'csrfToken'>,
  content: Html,
  status: ContentfulStatusCode = 200,
) {
  return c.html(
    layout({ ...chrome, actor: c.get('actor'), csrfToken: csrfTokenOf(c) }, content),
    status,
  );
}

/**
 * Form posts of signed-in people must carry the synchronizer token; anonymous forms (sign-in,
 * sign-up) have no session to bind to, so there the browser's own fetch metadata must say the
 * post came from our pages.
 */
export function formIsTrusted(c: WebContext, form: Record<string, unknown>): boolean {
  const session = c.get('sessionToken');
  if (session) return csrfTokenMatches(c.get('ctx').config.secretKey, session, form._csrf);
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (site === 'cross-site') return false;
  if (origin && origin !== 'null') {
    const allowed = [new URL(c.get('ctx').publicUrl).origin, new URL(c.req.url).origin];
    return allowed.includes(origin);
  }
  return true;
}

/** Strings only: file parts and repeated fields are not part of any of our forms. */
export async function readForm(c: WebContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Multipart: the string fields as the form, and the `file` part if one was chosen. */
export async function readUploadForm(c: WebContext) {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  let file: { name: string; bytes: Uint8Array } | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') form[key] = value;
    else if (key === 'file' && value.size > 0)
      file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { form, file };
}

/** Drops empty optional fields, so "" means "not given" as it does in HTML forms. */
export function withoutBlanks(
  form: Record<string, string>,
  keep: string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form).filter(([key, value]) => keep.includes(key) && value.trim() !== ''),
  );
}

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? 'form');
    errors[name] ??= `${humanize(name)} ${issue.message}`;
  }
  return errors;
}

/** Turns a service refusal into a message and field errors for the form; anything else is rethrown. */
export function formFailure(error: unknown): {
  message: string;
  errors: FieldErrors;
  status: ContentfulStatusCode;
} {
  if (!(error instanceof SkillmarkError) || error.code === 'internal') throw error;
  const errors: FieldErrors = {};
  for (const f of error.fields ?? []) errors[f.field] = `${humanize(f.field)}: ${error.message}`;
  const status: ContentfulStatusCode =
    error.code === 'conflict'
      ? 409
      : error.code === 'forbidden'
        ? 403
        : error.code === 'rate_limited'
          ? 429
          : 400;
  return { message: error.message, errors, status };
}

function humanize(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Sends a signed-out person to sign in, coming back to `next` (this page by default). */
export function signInFirst(c: WebContext, next: string = c.req.path) {
  return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
}

/** The answer to a form post whose CSRF token or origin did not check out. */
export function formExpired(c: WebContext) {
  return render(c, { title: 'Form expired' }, csrfRefusedPage(), 403);
}
