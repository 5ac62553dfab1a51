import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';
import type { Jobs } from '../jobs/jobs.js';
import { forgetDeliveredMails, pruneOutboxFiles } from './outbox.js';

export interface Mail {
  to: string;
  subject: string;
  /** Every mail has a plain-text part. */
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A calendar invitation (text/calendar part and .ics attachment): REQUEST to add or update, CANCEL to remove. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** The farewell to an erased account: delivered like any mail, then its job and outbox copy are removed (`forgetDelivered`). */
  forget?: boolean;
}

export interface Mailer {
  /** Queues a mail in the caller's transaction: it is sent exactly when the change commits. */
  enqueue(executor: Executor, mail: Mail): Promise<void>;
  /**
   * Sends one mail now, through the same transport (SMTP, or the local outbox), without the queue's
   * retries: for callers that record each delivery themselves (platform/notifications).
   */
  deliver(mail: Mail): Promise<void>;
  /** Removes .eml copies in DATA_DIR/outbox whose outbox row is gone. */
  pruneFiles(): Promise<number>;
  /** Removes the jobs and outbox copies of `forget` mails that are out. */
  forgetDelivered(): Promise<number>;
}

export const sendMailJob = 'mail.send';

/**
 * With SMTP_URL mails go out by SMTP; without it they land in the local outbox
 * (table mail_outbox, read at /admin/outbox, and an .eml file in DATA_DIR/outbox; see outbox.ts).
 */
export function createMailer(deps: { config: Config; db: Kysely<DB>; jobs: Jobs }): Mailer {
  const { config, db, jobs } = deps;
  // nodemailer is loaded with the first mail, not at every start of a web process.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      config.smtpUrl
        ? nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom })
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    ));
  const outboxDir = path.join(config.dataDir, 'outbox');

  async function deliver(mail: Mail): Promise<void> {
    const message = {
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      icalEvent: mail.calendar ? { method: mail.calendar.method, content: mail.calendar.content, filename: 'termin.ics' } : undefined,
    };
    if (config.smtpUrl) {
      await (await transportOf()).sendMail(message);
      return;
    }
    const row = await db
      .insertInto('mail_outbox')
      .values({ recipient: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const info = (await (await transportOf()).sendMail(message)) as { message: Buffer };
    mkdirSync(outboxDir, { recursive: true, mode: 0o700 });
    writeFileSync(path.join(outboxDir, `${row.id}.eml`), info.message, { mode: 0o600 });
  }

  jobs.register<Mail>(sendMailJob, deliver);
  return {
    enqueue: (executor, mail) => jobs.send(executor, sendMailJob, mail),
    deliver,
    pruneFiles: () => pruneOutboxFiles(db, outboxDir),
    forgetDelivered: () => forgetDeliveredMails(db, sendMailJob),
  };
}
