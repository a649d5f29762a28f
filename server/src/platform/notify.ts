// The notification outbox. Every message is written to the database first; a channel then delivers it.
// Only the development channel exists yet: it writes the message to the log and marks it delivered.
import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTrx } from '../db/database.ts';
import { uuidv7 } from '../../../domain/shared/ids.ts';

export interface Notification {
  channel: 'sms' | 'wechat';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

export class Notifier {
  constructor(private readonly log: FastifyBaseLogger) {}

  /** Writes the message to the outbox and returns its row's id (notices link their batch to it). */
  async send(db: DbOrTrx, n: Notification): Promise<string> {
    const now = new Date().toISOString();
    const id = uuidv7();
    await db
      .insertInto('notification_outbox')
      .values({
        id,
        channel: n.channel,
        recipient: n.recipient,
        template: n.template,
        payload: JSON.stringify(n.payload),
        status: 'delivered_dev',
        created_at: now,
        sent_at: now,
      })
      .execute();
    // The development channel: the message goes to the log (outside the redaction paths on purpose).
    this.log.info(
      { devOutbox: { to: n.recipient, template: n.template, message: n.payload } },
      'development channel delivered a message',
    );
    return id;
  }
}
