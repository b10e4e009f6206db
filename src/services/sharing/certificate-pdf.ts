/**
 * A printable certificate of a credential: A4 landscape, the standard PDF fonts (nothing to
 * embed or fetch), the EU micro-credential elements, and a QR code of the public page where
 * anyone can verify it. The page URL is also printed and is a link, so it works on paper and
 * on screen. The certificate is a picture of the credential: the credential is what verifies.
 */
import { PDFDocument, type PDFFont, type PDFPage, PDFString, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CredentialFacts } from './credential-facts.ts';

export type CertificateInput = {
  facts: CredentialFacts;
  learnerName: string;
  /** The public page that verifies the credential; the QR code and the printed link point here. */
  verificationUrl: string;
  /**
   * What scanning the QR code opens (issue 8): the public verifier on that page, which shows
   * every check in plain words. Defaults to `verificationUrl`.
   */
  scanUrl?: string;
  /** Becomes the document's creation date, so output is reproducible. */
  now: Date;
};

const navy = rgb(0.114, 0.247, 0.478);
const gold = rgb(0.788, 0.635, 0.153);
const ink = rgb(0.13, 0.13, 0.15);
const muted = rgb(0.36, 0.37, 0.42);

type Fonts = {
  serif: PDFFont;
  serifBold: PDFFont;
  serifItalic: PDFFont;
  sans: PDFFont;
  sansBold: PDFFont;
};

/** Letters without a Unicode decomposition, spelled as their base letter. */
const baseLetters: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

/**
 * The standard fonts speak WinAnsi only: a character outside it is replaced by its base letter
 * (é → e where é is missing) or "?", rather than failing the whole certificate.
 */
export function encodable(font: PDFFont, value: string): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const char of value.replace(/[\r\n\t]+/g, ' ')) {
    if (supported.has(char.codePointAt(0)!)) out += char;
    else {
      const base = baseLetters[char] ?? char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?';
    }
  }
  return out;
}

/** Greedy word wrap to `maxWidth`, at most `maxLines` lines (the last one ends with "…" if cut). */
export function wrapText(
  font: PDFFont,
  value: string,
  size: number,
  maxWidth: number,
  maxLines: number,
) {
  const words = encodable(font, value).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= maxWidth || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => shorten(font, l, size, maxWidth));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(font, `${kept[maxLines - 1]} …`, size, maxWidth, true);
  return kept;
}

/** Shortens one line to `maxWidth`, ending it with "…". */
function shorten(
  font: PDFFont,
  value: string,
  size: number,
  maxWidth: number,
  cut = false,
): string {
  if (!cut && font.widthOfTextAtSize(value, size) <= maxWidth) return value;
  let text = value.replace(/\s*…$/, '');
  while (text.length > 1 && font.widthOfTextAtSize(`${text}…`, size) > maxWidth)
    text = text.slice(0, -1);
  return `${text.trimEnd()}…`;
}

function centred(
  page: PDFPage,
  font: PDFFont,
  value: string,
  size: number,
  y: number,
  color = ink,
) {
  const text = encodable(font, value);
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color });
}

export function dateText(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function drawFrame(page: PDFPage) {
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.995, 0.99, 0.975) });
  page.drawRectangle({
    x: 18,
    y: 18,
    width: width - 36,
    height: height - 36,
    borderColor: navy,
    borderWidth: 6,
  });
  page.drawRectangle({
    x: 30,
    y: 30,
    width: width - 60,
    height: height - 60,
    borderColor: gold,
    borderWidth: 1.5,
  });
}

/** The EU elements as "label: value" lines in the lower-left block, within its height. */
function drawElements(
  page: PDFPage,
  fonts: Fonts,
  facts: CredentialFacts,
  top: number,
  bottom: number,
) {
  const x = 62;
  const width = 470;
  const size = 8.5;
  const leading = 11;
  let y = top;
  if (facts.euElements.length === 0) return;
  page.drawText('Micro-credential details', { x, y, size: 9.5, font: fonts.sansBold, color: navy });
  y -= leading + 3;
  for (const element of facts.euElements) {
    if (y < bottom) break;
    const label = `${element.label}: `;
    const labelWidth = fonts.sansBold.widthOfTextAtSize(label, size);
    page.drawText(label, { x, y, size, font: fonts.sansBold, color: ink });
    const values = Array.isArray(element.value) ? element.value : [element.value];
    if (values.length === 1) {
      const lines = wrapText(fonts.sans, values[0]!, size, width - labelWidth, 2);
      for (const [i, line] of lines.entries()) {
        page.drawText(line, {
          x: x + labelWidth,
          y: y - i * leading,
          size,
          font: fonts.sans,
          color: ink,
        });
      }
      y -= leading * lines.length;
      continue;
    }
    y -= leading;
    for (const value of values) {
      if (y < bottom) break;
      const line = wrapText(fonts.sans, value, size, width - 14, 1)[0] ?? '';
      page.drawText(`•  ${line}`, { x: x + 6, y, size, font: fonts.sans, color: ink });
      y -= leading;
    }
  }
}

async function drawQrCode(
  doc: PDFDocument,
  page: PDFPage,
  fonts: Fonts,
  url: string,
  scanUrl: string,
) {
  const png = await QRCode.toBuffer(scanUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 360,
  });
  const image = await doc.embedPng(png);
  const size = 112;
  const x = page.getWidth() - 62 - size;
  const y = 118;
  page.drawImage(image, { x, y, width: size, height: size });
  page.drawText('Scan to verify', {
    x: x + (size - fonts.sansBold.widthOfTextAtSize('Scan to verify', 8.5)) / 2,
    y: y + size + 6,
    size: 8.5,
    font: fonts.sansBold,
    color: navy,
  });
  // The URL in print, right-aligned under the code, split where it is too long for one line.
  const urlSize = 7;
  const maxWidth = 250;
  const lines: string[] = [];
  let rest = encodable(fonts.sans, url);
  while (rest.length > 0) {
    let n = rest.length;
    while (n > 1 && fonts.sans.widthOfTextAtSize(rest.slice(0, n), urlSize) > maxWidth) n--;
    lines.push(rest.slice(0, n));
    rest = rest.slice(n);
  }
  const right = x + size;
  for (const [i, line] of lines.entries()) {
    const w = fonts.sans.widthOfTextAtSize(line, urlSize);
    page.drawText(line, {
      x: right - w,
      y: y - 12 - i * 9,
      size: urlSize,
      font: fonts.sans,
      color: muted,
    });
  }
  // A link over the code and the printed URL (PDF 1.7 §12.5.6.5, URI action §12.6.4.7).
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [right - maxWidth, y - 14 - lines.length * 9, right, y + size],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(link);
}

/** Renders the certificate; returns the PDF bytes. */
export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const { facts } = input;
  const doc = await PDFDocument.create();
  doc.setTitle(`${facts.achievementName} — ${input.learnerName}`);
  doc.setAuthor(facts.issuerName);
  doc.setSubject(
    `Certificate of a verifiable credential. Verify it at ${input.scanUrl ?? input.verificationUrl}`,
  );
  doc.setKeywords(['Open Badges 3.0', 'verifiable credential', 'micro-credential']);
  doc.setCreator('Skillmark');
  doc.setProducer('Skillmark');
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  const fonts: Fonts = {
    serif: await doc.embedFont(StandardFonts.TimesRoman),
    serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
    serifItalic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    sans: await doc.embedFont(StandardFonts.Helvetica),
    sansBold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  // A4 landscape, in points (ISO 216: 297 × 210 mm).
  const page = doc.addPage([841.89, 595.28]);
  const width = page.getWidth();
  drawFrame(page);

  centred(page, fonts.sansBold, facts.issuerName.toUpperCase(), 12, 530, navy);
  centred(page, fonts.serifBold, 'Certificate', 38, 480, navy);
  centred(page, fonts.serifItalic, 'This is to certify that', 14, 446, muted);
  const learner = shorten(
    fonts.serifBold,
    encodable(fonts.serifBold, input.learnerName),
    30,
    width - 160,
  );
  centred(page, fonts.serifBold, learner, 30, 408);
  page.drawLine({
    start: { x: width / 2 - 170, y: 400 },
    end: { x: width / 2 + 170, y: 400 },
    thickness: 0.8,
    color: gold,
  });
  centred(
    page,
    fonts.serifItalic,
    facts.achievementType === 'MicroCredential' || facts.euElements.length > 0
      ? 'has been awarded the micro-credential'
      : 'has been awarded',
    14,
    378,
    muted,
  );
  const nameLines = wrapText(fonts.sansBold, facts.achievementName, 21, width - 180, 2);
  let y = 350;
  for (const line of nameLines) {
    centred(page, fonts.sansBold, line, 21, y, navy);
    y -= 25;
  }
  if (facts.achievementDescription) {
    for (const line of wrapText(fonts.serif, facts.achievementDescription, 11, width - 220, 2)) {
      centred(page, fonts.serif, line, 11, y, ink);
      y -= 14;
    }
  }
  drawElements(page, fonts, facts, Math.min(y - 10, 290), 128);

  // Dates, id and issuer along the bottom.
  const facts2: Array<[string, string]> = [];
  if (facts.issuedOn) facts2.push(['Issued on', dateText(facts.issuedOn)]);
  if (facts.validUntil) facts2.push(['Valid until', dateText(facts.validUntil)]);
  let x = 62;
  for (const [label, value] of facts2) {
    page.drawText(label, { x, y: 104, size: 8, font: fonts.sans, color: muted });
    page.drawText(value, { x, y: 90, size: 11, font: fonts.sansBold, color: ink });
    x += 150;
  }
  page.drawText('Issued by', { x, y: 104, size: 8, font: fonts.sans, color: muted });
  page.drawText(shorten(fonts.sansBold, encodable(fonts.sansBold, facts.issuerName), 11, 240), {
    x,
    y: 90,
    size: 11,
    font: fonts.sansBold,
    color: ink,
  });
  if (facts.id) {
    page.drawText(
      shorten(fonts.sans, encodable(fonts.sans, `Credential ID: ${facts.id}`), 7.5, 480),
      {
        x: 62,
        y: 62,
        size: 7.5,
        font: fonts.sans,
        color: muted,
      },
    );
  }
  page.drawText(
    'A signed Open Badges 3.0 verifiable credential: its authenticity does not rest on this paper.',
    {
      x: 62,
      y: 50,
      size: 7,
      font: fonts.serifItalic,
      color: muted,
    },
  );
  await drawQrCode(doc, page, fonts, input.verificationUrl, input.scanUrl ?? input.verificationUrl);
  // Without object streams the objects (and the link's URI) stay plain in the file.
  return doc.save({ useObjectStreams: false });
}
