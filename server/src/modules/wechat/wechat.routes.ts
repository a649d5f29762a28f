// /api/wechat/:communityId — the URL set in the official account's console (plaintext mode). Public: WeChat
// signs each request with the community's token instead, which is checked before anything else is read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../../domain/shared/schemas.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { requestContext } from '../../platform/http.ts';
import {
  parseFlatXml,
  readMessage,
  signatureMatches,
  textReply,
  XmlError,
  type InboundMessage,
} from './wechat.protocol.ts';
import type { WechatService } from './wechat.service.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';

/** A signed request older or newer than this is refused: a captured URL cannot be replayed later. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

const signedQuery = z.object({
  signature: z.string().max(128),
  timestamp: z.string().regex(/^\d{1,12}$/, 'invalid.number'),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid.value'),
});
const params = z.object({ communityId: uuid });
const XML_MESSAGE: Record<XmlError['reason'], string> = {
  too_large: 'invalid.xmlTooLarge',
  doctype: 'invalid.xmlDoctype',
  entity: 'invalid.xmlEntity',
  nested: 'invalid.xmlNested',
  malformed: 'invalid.xml',
};

export function wechatRoutes(svc: WechatService, tokens: Config['wechat'], rateLimits = true) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // An unauthenticated endpoint that writes: capped per address. WeChat's servers send from a few addresses,
    // so the cap is generous; binding codes have their own per-user limits.
    const open = {
      access: { public: true as const },
      ...(rateLimits ? { rateLimit: { max: 600, timeWindow: '1 minute' } } : {}),
    };
    const tags = ['wechat'];
    // Read as text here (this plugin only): the signature is checked before the XML is parsed.
    app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    /** The community's token, after checking the request is signed with it and recent. */
    const verify = async (communityId: string, q: z.infer<typeof signedQuery>, now = Date.now()) => {
      const token = tokens.byCommunity[communityId] ?? tokens.all;
      if (!token || !(await svc.communityExists(communityId))) throw new AppError('not_found', { entity: 'wechat' });
      if (!signatureMatches(token, q.timestamp, q.nonce, q.signature)) throw new AppError('bad_signature');
      if (Math.abs(now / 1000 - Number(q.timestamp)) > TIMESTAMP_WINDOW_SECONDS) throw new AppError('stale_request');
    };

    r.get(
      '/api/wechat/:communityId',
      {
        config: open,
        schema: {
          tags,
          summary: 'WeChat URL verification: echoes echostr when the signature is the token’s',
          params,
          querystring: signedQuery.extend({ echostr: z.string().min(1).max(512) }),
          response: { 200: fileResponse('The echostr, as WeChat checks the address', MIME.text) },
        },
      },
      async (req, reply) => {
        await verify(req.params.communityId, req.query);
        return reply
          .type('text/plain; charset=utf-8')
          .header('x-content-type-options', 'nosniff')
          .send(req.query.echostr);
      },
    );

    r.post(
      '/api/wechat/:communityId',
      {
        config: open,
        schema: {
          tags,
          summary: 'A message from WeChat (XML, plaintext mode); answers with a passive text reply',
          params,
          consumes: ['text/xml', 'application/xml'],
          body: z.string(),
          querystring: signedQuery.extend({
            openid: z.string().max(64).optional(),
            encrypt_type: z.string().max(16).optional(),
            msg_signature: z.string().max(128).optional(),
          }),
          response: { 200: fileResponse('A passive reply (XML), or "success" for none', MIME.xml, MIME.text) },
        },
      },
      async (req, reply) => {
        await verify(req.params.communityId, req.query);
        if (req.query.encrypt_type && req.query.encrypt_type !== 'raw')
          throw new AppError('validation', { fields: [{ field: 'encrypt_type', message: 'invalid.value' }] });
        let msg: InboundMessage;
        try {
          msg = readMessage(parseFlatXml(req.body));
        } catch (err) {
          if (err instanceof XmlError)
            throw new AppError('validation', { fields: [{ field: '(body)', message: XML_MESSAGE[err.reason] }] });
          throw err;
        }
        if (req.query.openid && req.query.openid !== msg.fromUser)
          throw new AppError('validation', { fields: [{ field: 'openid', message: 'invalid.value' }] });
        const text = await svc.handle(
          req.params.communityId,
          msg,
          { timestamp: req.query.timestamp, nonce: req.query.nonce },
          requestContext(req),
        );
        // "success": WeChat's word for "received, no reply".
        if (text === null) return reply.type('text/plain; charset=utf-8').send('success');
        return reply.type('application/xml; charset=utf-8').send(textReply(msg.fromUser, msg.toUser, text));
      },
    );
  };
}
