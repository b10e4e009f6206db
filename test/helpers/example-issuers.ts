import { readdirSync, readFileSync } from 'node:fs';
import { extractFromPng, extractFromSvg } from '../../src/credentials/baking/index.ts';
import type { SafeFetch, SafeResponse } from '../../src/credentials/index.ts';
import { sharedDataPath } from './shared-data.ts';

/** ../shared/data's 1EdTech Open Badges 3.0 examples, or undefined where they are absent. */
export const ob3ExamplesDir = sharedDataPath('standards/examples/ob3');

/** An example's bytes, by file name (e.g. `simple-json.png`). */
export const readOb3Example = (name: string) =>
  new Uint8Array(readFileSync(`${ob3ExamplesDir}/${name}`));

/** A 200 response as the injected safe fetch returns it. */
export function safeResponse(
  url: string,
  body: Uint8Array | string,
  contentType = 'application/json',
): SafeResponse {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    url,
    status: 200,
    contentType,
    body: bytes,
    text: () => new TextDecoder().decode(bytes),
    json: () => JSON.parse(new TextDecoder().decode(bytes)),
  };
}

/** The credential text of every example: the JSON and JWT files, and what the badges carry. */
function exampleCredentials(): string[] {
  if (!ob3ExamplesDir) return [];
  const texts: string[] = [];
  for (const name of readdirSync(ob3ExamplesDir).sort()) {
    if (/\.(json|jwt)$/.test(name)) texts.push(readFileSync(`${ob3ExamplesDir}/${name}`, 'utf8'));
    else if (name.endsWith('.png')) texts.push(extractFromPng(readOb3Example(name)));
    else if (name.endsWith('.svg'))
      texts.push(extractFromSvg(readFileSync(`${ob3ExamplesDir}/${name}`, 'utf8')));
  }
  return texts;
}

/**
 * The network as far as the 1EdTech example issuers go. Their issuers are https URLs that are not
 * online (https://example.com/issuers/876543, …), but each verification method id ends with its
 * public key (`…#z6Mk…`), so this serves those issuers' controller documents listing the keys the
 * examples (and the badges baked with them) are signed with. Anything else is offline.
 */
export function createExampleIssuersFetch(): SafeFetch {
  const verificationMethods = new Set<string>();
  for (const text of exampleCredentials())
    for (const m of text.matchAll(/"verificationMethod":\s*"([^"]+)"/g))
      verificationMethods.add(m[1]!);
  return async (url) => {
    const ids = [...verificationMethods].filter((id) => id.startsWith(`${url}#z6Mk`));
    if (ids.length === 0) throw new Error(`offline: ${url}`);
    const document = {
      '@context': ['https://www.w3.org/ns/cid/v1'],
      id: url,
      verificationMethod: ids.map((id) => ({
        id,
        type: 'Multikey',
        controller: url,
        publicKeyMultibase: id.split('#')[1],
      })),
      assertionMethod: ids,
    };
    return safeResponse(url, JSON.stringify(document));
  };
}
