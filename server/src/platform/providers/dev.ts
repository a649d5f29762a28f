// The development channel (the default): the message goes to the log, as it always has — codes included, on
// purpose, so a developer can sign in — and nowhere else.
import type { FastifyBaseLogger } from 'fastify';
import type { OutgoingMessage, Provider } from './provider.ts';

export class DevChannel implements Provider {
  readonly name = 'dev';
  constructor(private readonly log: FastifyBaseLogger) {}

  async send(m: OutgoingMessage): Promise<{ messageId: string | null }> {
    this.log.info(
      { devOutbox: { to: m.recipient, template: m.template, message: m.payload } },
      'development channel delivered a message',
    );
    return { messageId: null };
  }
}
