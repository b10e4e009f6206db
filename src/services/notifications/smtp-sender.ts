import nodemailer from 'nodemailer';
import type { NotificationSender } from './outbox.ts';

/**
 * Delivers through an SMTP server (`smtp://user:pass@host:587`, `smtps://…`). The URL comes from
 * the configuration (SKILLMARK_SMTP_URL), which the composition root reads and passes here.
 */
export function createSmtpSender(smtpUrl: string, from: string): NotificationSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
