import { html, raw } from 'hono/html';

export { html, raw };
/** A fragment of escaped HTML: interpolated strings are escaped, nested fragments are not. */
export type Html = ReturnType<typeof html>;
