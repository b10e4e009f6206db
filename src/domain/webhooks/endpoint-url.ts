import { isIP } from 'node:net';

/** Loopback hosts, accepted (over http too) only when Skillmark itself runs on loopback (dev, tests). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * Why an endpoint URL is refused at registration, or undefined when it is acceptable. Host names
 * are resolved and re-checked at each delivery too; this catches what the text alone shows.
 */
export function endpointUrlProblem(url: string, allowLoopback: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (parsed.hash) return 'must not contain a #fragment';
  if (allowLoopback && isLoopbackHost(parsed.hostname)) {
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? undefined
      : 'must be http(s)';
  }
  if (parsed.protocol !== 'https:') return 'must use https';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) || host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))
    return 'must name a public host (no IP addresses, localhost or single-label names)';
  return undefined;
}
