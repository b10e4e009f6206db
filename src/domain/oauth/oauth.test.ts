import { describe, expect, it } from 'vitest';
import { OAuthError } from './errors.ts';
import { s256Challenge, verifierMatches } from './pkce.ts';
import { redirectUriProblem } from './redirect-uri.ts';
import { parseClientMetadata } from './registration.ts';
import { ob3Scopes } from './scopes.ts';

describe('PKCE (RFC 7636)', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('computes the S256 challenge of the RFC 7636 Appendix B example', () => {
    expect(s256Challenge(verifier)).toBe(challenge);
  });

  it('accepts the matching verifier and refuses any other, or a malformed one', () => {
    expect(verifierMatches(verifier, challenge)).toBe(true);
    expect(verifierMatches(`${verifier.slice(0, -1)}A`, challenge)).toBe(false);
    expect(verifierMatches('short', s256Challenge('short'))).toBe(false);
  });
});

describe('redirect URI rules', () => {
  it('allows https and loopback http only, without fragments', () => {
    expect(redirectUriProblem('https://wallet.example/cb')).toBeUndefined();
    expect(redirectUriProblem('http://127.0.0.1:8080/cb')).toBeUndefined();
    expect(redirectUriProblem('http://wallet.example/cb')).toMatch(/https/);
    expect(redirectUriProblem('https://wallet.example/cb#x')).toMatch(/fragment/);
    expect(redirectUriProblem('/relative')).toMatch(/absolute/);
    expect(redirectUriProblem('javascript:alert(1)')).toMatch(/https/);
  });
});

describe('client registration metadata (RFC 7591)', () => {
  const valid = {
    client_name: 'Wallet',
    client_uri: 'https://wallet.example',
    redirect_uris: ['https://wallet.example/cb'],
  };

  it('defaults to every OB 3.0 scope, the code grant and client_secret_basic', () => {
    const metadata = parseClientMetadata({ ...valid, unknown_field: 'ignored per RFC 7591 §2' });
    expect(metadata.scope.split(' ')).toEqual(Object.values(ob3Scopes));
    expect(metadata.grantTypes).toEqual(['authorization_code']);
    expect(metadata.tokenEndpointAuthMethod).toBe('client_secret_basic');
  });

  it.each([
    [{ ...valid, redirect_uris: ['http://evil.example/cb'] }, 'invalid_redirect_uri'],
    [{ ...valid, scope: 'openid' }, 'invalid_client_metadata'],
    [{ ...valid, grant_types: ['implicit'] }, 'invalid_client_metadata'],
    [{ ...valid, response_types: ['token'] }, 'invalid_client_metadata'],
    [{ ...valid, client_name: undefined }, 'invalid_client_metadata'],
    [{ ...valid, redirect_uris: [] }, 'invalid_client_metadata'],
  ])('refuses %j with %s', (body, code) => {
    try {
      parseClientMetadata(body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OAuthError);
      expect((error as OAuthError).error).toBe(code);
    }
  });
});
