/**
 * The verification report as a PDF (A4 portrait, standard fonts, nothing fetched): verdict,
 * what the credential says, then every check with its plain answer and technical detail.
 * Text handling (WinAnsi fallback, wrapping, dates) is the certificate's own.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Tone } from '../../domain/verification-report/wording.ts';
import { dateText, encodable, wrapText } from '../sharing/certificate-pdf.ts';
import type { CredentialReport, VerificationReport } from './report.ts';

const ink = rgb(0.11, 0.12, 0.14);
const muted = rgb(0.29, 0.33, 0.38);
const toneColour: Record<Tone, ReturnType<typeof rgb>> = {
  success: rgb(0.078, 0.424, 0.18),
  error: rgb(0.702, 0.149, 0.118),
  warning: rgb(0.541, 0.353, 0),
  neutral: rgb(0.29, 0.33, 0.38),
};
const A4: [number, number] = [595.28, 841.89];
const margin = 56;
const width = A4[0] - 2 * margin;

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/** A cursor that writes lines down the page and starts a new page when it runs out. */
class Writer {
  doc: PDFDocument;
  fonts: Fonts;
  page: PDFPage;
  y: number;

  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc;
    this.fonts = fonts;
    this.page = doc.addPage(A4);
    this.y = A4[1] - margin;
  }

  text(
    value: string,
    options: {
      size?: number;
      font?: PDFFont;
      colour?: ReturnType<typeof rgb>;
      indent?: number;
      maxLines?: number;
      gap?: number;
    } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.font ?? this.fonts.regular;
    const indent = options.indent ?? 0;
    const lines = wrapText(font, value, size, width - indent, options.maxLines ?? 40);
    for (const line of lines) {
      if (this.y < margin + size) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - margin;
      }
      this.y -= size * 1.35;
      this.page.drawText(line, {
        x: margin + indent,
        y: this.y,
        size,
        font,
        color: options.colour ?? ink,
      });
    }
    this.y -= options.gap ?? 2;
  }
}

function dated(iso: string | null): string {
  return iso ? dateText(new Date(iso)) : 'not stated';
}

function writeCredential(w: Writer, report: CredentialReport, heading?: string) {
  if (heading) w.text(heading, { size: 13, font: w.fonts.bold, gap: 4 });
  w.text(report.headline, { size: 15, font: w.fonts.bold, colour: toneColour[report.tone] });
  w.text(report.explanation, { size: 10.5, gap: 8 });
  const summary = report.summary;
  if (summary) {
    for (const [label, value] of [
      ['Credential', summary.name],
      ['Issued by', `${summary.issuer.name}${summary.issuer.id ? ` (${summary.issuer.id})` : ''}`],
      ['Issued to', summary.subject ?? 'not stated'],
      ['Valid from', dated(summary.validFrom)],
      ['Valid until', summary.validUntil ? dated(summary.validUntil) : 'no end date'],
      ['Credential ID', summary.id ?? 'none'],
    ] as const) {
      w.text(`${label}: ${value}`, { size: 10 });
    }
    w.y -= 6;
  }
  for (const check of report.checks) {
    w.text(`${check.label.toUpperCase()} · ${check.title}`, {
      size: 10.5,
      font: w.fonts.bold,
      colour: toneColour[check.tone],
    });
    w.text(check.message, { size: 10, indent: 12 });
    if (check.detail)
      w.text(check.detail, {
        size: 7.5,
        font: w.fonts.mono,
        colour: muted,
        indent: 12,
        maxLines: 8,
      });
    w.y -= 4;
  }
}

/** Renders the report; the creation date is the check's time, so output is reproducible. */
export async function renderVerificationReportPdf(report: VerificationReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const checkedAt = new Date(report.checkedAt);
  doc.setTitle(`Verification report: ${report.summary?.name ?? report.kind}`);
  doc.setSubject(`${report.headline}. ${report.explanation}`);
  doc.setCreator('Skillmark');
  doc.setProducer('Skillmark');
  doc.setCreationDate(checkedAt);
  doc.setModificationDate(checkedAt);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const w = new Writer(doc, fonts);
  w.text('Verification report', { size: 20, font: fonts.bold, gap: 4 });
  w.text(
    `Checked on ${dateText(checkedAt)} at ${report.checkedAt.slice(11, 16)} UTC by ${report.verifier}`,
    { size: 9, colour: muted, gap: 12 },
  );
  writeCredential(w, report, report.kind === 'presentation' ? 'The presentation' : undefined);
  for (const [index, entry] of (report.credentials ?? []).entries()) {
    w.y -= 8;
    writeCredential(w, entry, `Credential ${index + 1}`);
  }
  w.y -= 8;
  w.text(
    encodable(
      fonts.regular,
      'This report records what the verifier found at the time above. It is not itself a credential: verify the credential again to see its current status.',
    ),
    { size: 8.5, colour: muted },
  );
  return doc.save();
}
