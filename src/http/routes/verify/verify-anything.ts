import { createRoute, z } from '@hono/zod-openapi';
import { VERIFICATION_LIMITS } from '../../../credentials/index.ts';
import { renderVerificationReportPdf } from '../../../services/verification/report-pdf.ts';
import { verifyAnything } from '../../../services/verification/verify-anything.ts';
import type { Api } from '../../env.ts';
import { problemResponses } from '../../problem.ts';
import { checkResultSchema } from '../vc-api/verification-response.ts';

const bodySchema = z
  .union(
    [
      z.strictObject({
        document: z.union([z.record(z.string(), z.unknown()), z.string()]).openapi({
          description:
            'A credential (OB 3.0 / VC 2.0 with a Data Integrity proof, CLR 2.0, OB 2.0 assertion) or a presentation as JSON, or a VC-JWT',
        }),
      }),
      z.strictObject({
        url: z.string().min(1).max(2000).openapi({
          description:
            'Where a credential or baked badge is published: https on a public address (fetched SSRF-safe), or a credential page or share link of this platform',
        }),
      }),
      z.strictObject({
        file: z.strictObject({
          name: z.string().max(255).optional(),
          contentBase64: z.base64({ message: 'must be base64' }).min(1),
        }),
      }),
    ],
    { message: 'must be { "document": ... }, { "url": ... } or { "file": { "contentBase64" } }' },
  )
  .openapi('VerifyRequest', { example: { url: 'https://badges.example.org/credentials/42' } });

const itemSchema = checkResultSchema.extend({
  title: z.string().openapi({ description: 'What the check is about, for people' }),
  question: z.string(),
  label: z.string().openapi({ description: 'Passed, Failed, Check this, Not checked' }),
  tone: z.enum(['success', 'error', 'warning', 'neutral']),
});
const summarySchema = z
  .object({
    id: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    issuer: z.object({ id: z.string().nullable(), name: z.string() }),
    subject: z.string().nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
  })
  .nullable();
const credentialReportSchema = z.object({
  verified: z.boolean().openapi({ description: 'True iff no check failed' }),
  verdict: z.enum(['verified', 'verified-with-warnings', 'not-verified']),
  tone: z.enum(['success', 'error', 'warning', 'neutral']),
  headline: z.string(),
  explanation: z.string(),
  summary: summarySchema,
  checks: z.array(itemSchema),
});
const reportSchema = credentialReportSchema
  .extend({
    kind: z.enum(['credential', 'presentation']),
    receivedAs: z.string(),
    checkedAt: z.string(),
    verifier: z.string(),
    credentials: z.array(credentialReportSchema).optional(),
  })
  .openapi('VerificationReport');

const route = createRoute({
  method: 'post',
  path: '/api/v1/verify',
  tags: ['Verification'],
  summary: 'Verify anything: a credential, presentation, JWT, baked badge image or URL',
  description: `Open to anyone. Answers 200 with a report whether or not the credential verified: each check (signature, issuer identity, dates, revocation and suspension, structure, issuer trust, issuance log) in plain words with its technical detail. An unknown issuer is a warning, not a failure. \`?format=pdf\` returns the report as a PDF. Input that is not a credential, unsafe URLs and crafted images are 400; more than ${VERIFICATION_LIMITS.maxCredentialBytes} bytes of credential or ${VERIFICATION_LIMITS.maxFileBytes} bytes of file is 413.`,
  request: {
    query: z.object({ format: z.enum(['json', 'pdf']).optional() }),
    body: { required: true, content: { 'application/json': { schema: bodySchema } } },
  },
  responses: {
    200: {
      description: 'The verification report (JSON, or PDF with ?format=pdf)',
      content: {
        'application/json': { schema: reportSchema },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses(400, 413, 415),
  },
});

export function mountVerifyAnything(app: Api) {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const source =
      'file' in body
        ? { file: new Uint8Array(Buffer.from(body.file.contentBase64, 'base64')) }
        : body;
    const { report } = await verifyAnything(c.get('ctx'), source, 'verify-api');
    c.header('Cache-Control', 'no-store');
    if (c.req.valid('query').format === 'pdf') {
      const pdf = await renderVerificationReportPdf(report);
      return c.body(pdf as never, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="verification-report.pdf"',
      });
    }
    return c.json(report, 200);
  });
}
