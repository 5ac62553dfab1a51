import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Mail } from './mailer.js';

/** What became of one message handed to the bulk transport. */
export type BulkResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

/** A transport for many messages (the newsletter): pooled SMTP connections, or the local outbox. */
export interface BulkTransport {
  send(mail: Mail & { messageId?: string }): Promise<BulkResult>;
  close(): void;
}

/**
 * SMTP answers 5xx for a permanent refusal (unknown mailbox, policy); 4xx and network errors may
 * pass, so only a 5xx reply is permanent.
 */
export function classifySmtpError(error: unknown): { permanent: boolean; reason: string } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500);
  return { permanent: code !== undefined && code >= 500 && code < 600, reason: code ? reason : `${e.code ?? 'error'}: ${reason}` };
}

/**
 * With SMTP_URL: a nodemailer pool of `newsletterSmtpConnections` connections that stay open
 * between messages. Without: rows in mail_outbox (no .eml files — tens of thousands of them help
 * nobody on a development machine). Does not retry: the caller decides with the result.
 */
export function createBulkTransport(deps: { config: Config; db: Kysely<DB> }, smtpUrl = deps.config.smtpUrl): BulkTransport {
  const { config, db } = deps;
  if (!smtpUrl) {
    return {
      async send(mail) {
        await db
          .insertInto('mail_outbox')
          .values({ recipient: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html ?? null })
          .execute();
        return { ok: true };
      },
      close() {},
    };
  }
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: config.newsletterSmtpConnections,
    maxMessages: Infinity,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
          messageId: mail.messageId,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...classifySmtpError(error) };
      }
    },
    close: () => transport.close(),
  };
}
