import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  looksLikePlainText,
  sanitizeFileName,
  servedContentType,
} from './files.ts';

describe('uploaded file names', () => {
  it('keep only the last path segment, without leading dots', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('../..')).toBe('file');
  });
  it('lose control and reserved characters', () => {
    expect(sanitizeFileName('re\u0000port\r\n"x".pdf')).toBe('re_port___x_.pdf');
    expect(sanitizeFileName('a\u202egpj.exe')).toBe('a_gpj.exe');
  });
  it('are sent as attachments with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Bericht über "Daten".pdf')).toBe(
      `attachment; filename="Bericht _ber _Daten_.pdf"; filename*=UTF-8''Bericht%20%C3%BCber%20_Daten_.pdf`,
    );
  });
});

describe('served content types', () => {
  it('are the sniffed type when allowed, else octet-stream', () => {
    expect(servedContentType('application/pdf')).toBe('application/pdf');
    expect(servedContentType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(servedContentType('text/html')).toBe('application/octet-stream');
  });
});

describe('plain text detection', () => {
  it('accepts UTF-8 text and refuses binary', () => {
    expect(looksLikePlainText(new TextEncoder().encode('Grüße\n\tnotes'))).toBe(true);
    expect(looksLikePlainText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]))).toBe(false);
    expect(looksLikePlainText(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(false);
  });
});
