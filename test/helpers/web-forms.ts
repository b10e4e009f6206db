import type { TestApp } from './app.ts';
import type { TestPerson } from './factories.ts';

/** The CSRF token a rendered page's form carries. */
export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Submits a plain HTML form as the signed-in person, from the app's own origin as a browser does. */
export function postForm(t: TestApp, person: TestPerson, path: string, body: URLSearchParams) {
  return t.request('POST', path, {
    cookie: person.cookie,
    body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://localhost:3000',
    },
  });
}
