/**
 * Which redirect URIs a client may register (RFC 6749 §3.1.2, RFC 8252 §7.3 and §8.3, OAuth 2.0
 * Security BCP §2.1): absolute, no fragment, HTTPS, except plain HTTP to a loopback address for
 * native apps. The authorization request must then name one of them exactly (string equality),
 * so open redirects through pattern matching are impossible.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Why `uri` cannot be a redirect URI, or undefined when it can. */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri} is not an absolute URL.`;
  }
  if (uri.includes('#')) return `${uri} has a fragment; redirect URIs must not (RFC 6749 §3.1.2).`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `${uri} must use https (plain http only to a loopback address such as 127.0.0.1).`;
}

/** §3.1.2.3: the requested URI must equal a registered one exactly. */
export function isRegisteredRedirectUri(requested: string, registered: readonly string[]): boolean {
  return registered.includes(requested);
}

/** Appends the authorization response parameters to the redirect URI, keeping its own query. */
export function redirectWith(
  redirectUri: string,
  params: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
