import nodemailer from 'nodemailer';
import type { RenderedMail } from './renderNotification.ts';

/** The result of one SMTP submission, classified for the outbox. */
export type SendOutcome = { ok: true; detail: string } | { ok: false; error: string; permanent: boolean };

/** Sends one rendered mail to some addresses. */
export type EmailSender = (to: string[], mail: RenderedMail) => Promise<SendOutcome>;

/**
 * An SMTP sender over nodemailer. Delivered means the server accepted every recipient
 * (`info.accepted`); a rejected recipient or a 5xx reply is permanent, a 4xx reply or a network
 * error is retried. A URL nodemailer cannot use is permanent: retrying will not fix it.
 */
export function createEmailSender(options: { url: string; from: string; timeoutMs?: number }): EmailSender {
  let transporter: nodemailer.Transporter | undefined;
  let setupError: string | undefined;
  try {
    const url = new URL(options.url);
    if (!['smtp:', 'smtps:'].includes(url.protocol)) throw new Error('use smtp:// or smtps://');
    const timeout = options.timeoutMs ?? 15_000;
    transporter = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  } catch (error) {
    setupError = `HIREFLOW_SMTP_URL is unusable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return async (to, mail) => {
    if (!transporter) return { ok: false, error: setupError ?? 'no SMTP transport', permanent: true };
    try {
      const info = await transporter.sendMail({ from: options.from, to, ...mail });
      const accepted = (info.accepted ?? []).map(String);
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0 || accepted.length < to.length)
        return {
          ok: false,
          error: `SMTP rejected ${rejected.length} of ${to.length} recipients`,
          permanent: true,
        };
      return { ok: true, detail: `SMTP accepted ${accepted.length}: ${info.response ?? ''}`.trim() };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      const code = e.responseCode;
      const message = `SMTP ${code ?? e.code ?? 'error'}: ${e.message ?? String(error)}`;
      return { ok: false, error: message.slice(0, 500), permanent: code !== undefined && code >= 500 };
    }
  };
}
