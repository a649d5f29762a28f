// The development channel (the default): the message goes to the log and nowhere else. With the demo on
// (LINLI_DEMO=1) it is logged whole, sign-in codes included, so a developer can sign in; otherwise every digit and
// token in it is masked, as a real deployment that forgot to choose a provider must not leak codes to its log.
import type { FastifyBaseLogger } from 'fastify';
import { withoutTokens } from '../logger.ts';
import type { OutgoingMessage, Provider } from './provider.ts';

/** A value with its tokens and digits hidden: 13800000001 → ***********, a code 123456 → ******. */
const masked = (v: unknown): unknown =>
  typeof v === 'string' || typeof v === 'number' ? withoutTokens(String(v)).replace(/\d/g, '*') : v;

export class DevChannel implements Provider {
  readonly name = 'dev';
  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly showCodes = false,
  ) {}

  async send(m: OutgoingMessage): Promise<{ messageId: string | null }> {
    const message = this.showCodes
      ? m.payload
      : Object.fromEntries(Object.entries(m.payload).map(([k, v]) => [k, masked(v)]));
    const to = this.showCodes ? m.recipient : masked(m.recipient);
    this.log.info(
      { devOutbox: { to, template: m.template, message }, ...(!this.showCodes && { masked: 'LINLI_DEMO=0' }) },
      'development channel delivered a message',
    );
    return { messageId: null };
  }
}
