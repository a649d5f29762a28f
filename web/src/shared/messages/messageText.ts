// One outbox message as a person reads it: a heading and plain text. A staff notice is its own title and words;
// any other message is its template's name and its payload as short lines.
import { NOTICE_TEMPLATE } from '../../../../domain/notices/schemas.ts';
import { payloadText } from './payload.ts';
import { templateLabel } from './templates.ts';

export interface MessageText {
  title: string;
  body: string;
  urgent: boolean;
  from: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

export function messageText(template: string, payload: Record<string, unknown>, lang: string): MessageText {
  if (template === NOTICE_TEMPLATE)
    return {
      title: str(payload.title) ?? templateLabel(template, lang),
      body: str(payload.text) ?? '',
      urgent: payload.urgent === true,
      from: str(payload.from),
    };
  return { title: templateLabel(template, lang), body: payloadText(payload, lang), urgent: false, from: null };
}
