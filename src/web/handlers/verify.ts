import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PayloadTooLargeError, ValidationError } from '../../domain/errors.ts';
import type { Api } from '../../http/env.ts';
import type { VerifySource } from '../../services/verification/read-source.ts';
import { renderVerificationReportPdf } from '../../services/verification/report-pdf.ts';
import { verifyAnything } from '../../services/verification/verify-anything.ts';
import { type VerifyPageState, type VerifyResultView, verifyPage } from '../pages/verify.ts';
import {
  csrfTokenOf,
  formExpired,
  formFailure,
  formIsTrusted,
  readForm,
  readUploadForm,
  render,
  type WebContext,
} from '../render.ts';

function showVerifyPage(
  c: WebContext,
  state: VerifyPageState = {},
  result?: VerifyResultView,
  status: ContentfulStatusCode = 200,
) {
  // The result is about someone's credential: not for shared caches.
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    {
      title: result ? `Verification: ${result.report.headline}` : 'Verify a credential',
      section: 'verify',
    },
    verifyPage(csrfTokenOf(c), state, result),
    status,
  );
}

async function runVerification(
  c: WebContext,
  which: 'file' | 'text' | 'url',
  values: Record<string, string>,
  source: () => VerifySource,
) {
  try {
    const { input, report } = await verifyAnything(c.get('ctx'), source(), 'verify-page');
    return showVerifyPage(c, { values }, { report, content: input.content });
  } catch (error) {
    const failure = formFailure(error);
    return showVerifyPage(
      c,
      { form: which, values, message: failure.message, errors: failure.errors },
      undefined,
      error instanceof PayloadTooLargeError ? 413 : failure.status,
    );
  }
}

const required = (field: string, message: string) =>
  new ValidationError(message, [{ field, message }]);

/** `/verify`: public, no sign-in; `?url=` (what a certificate's QR code opens) verifies at once. */
export function mountVerifyPages(app: Api) {
  app.get('/verify', async (c) => {
    const url = c.req.query('url');
    if (url === undefined) return showVerifyPage(c);
    return runVerification(c, 'url', { url }, () => {
      if (!url.trim()) throw required('url', 'Give the web address of the credential.');
      return { url };
    });
  });

  app.post('/verify/file', async (c) => {
    const { form, file } = await readUploadForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    return runVerification(c, 'file', {}, () => {
      if (!file) throw required('file', 'Choose a file to verify.');
      return { file: file.bytes };
    });
  });

  app.post('/verify/text', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const text = form.text ?? '';
    return runVerification(c, 'text', { text }, () => ({ text }));
  });

  // Downloads verify the same text again, so a report always reflects a real verification.
  app.post('/verify/report', async (c) => {
    const form = await readForm(c);
    if (!formIsTrusted(c, form)) return formExpired(c);
    const format = form.format === 'json' ? 'json' : 'pdf';
    try {
      const { report } = await verifyAnything(
        c.get('ctx'),
        { text: form.content ?? '' },
        'verify-page',
        { record: false },
      );
      c.header('Cache-Control', 'no-store');
      if (format === 'json') {
        c.header('Content-Disposition', 'attachment; filename="verification-report.json"');
        return c.json(report);
      }
      const pdf = await renderVerificationReportPdf(report);
      return c.body(pdf as never, 200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="verification-report.pdf"',
      });
    } catch (error) {
      const failure = formFailure(error);
      return showVerifyPage(
        c,
        { form: 'text', message: failure.message, errors: failure.errors },
        undefined,
        failure.status,
      );
    }
  });
}
