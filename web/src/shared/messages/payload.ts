// A message's payload, as object or JSON text, shown as short "key: value" lines a person reads: times in Shanghai
// local format, lists joined, nested records flattened; never JSON braces or raw ISO timestamps.
import { formatDateTime } from '../format.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function valueText(v: unknown, lang: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return ISO_INSTANT.test(v) ? formatDateTime(v, lang) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x, lang)).join(lang === 'en' ? ', ' : '、');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${valueText(x, lang)}`)
      .join(lang === 'en' ? ', ' : '，');
  return '—';
}

export function payloadText(payload: unknown, lang = 'zh-CN'): string {
  let value = payload;
  if (typeof payload === 'string') {
    try {
      value = JSON.parse(payload);
    } catch {
      return payload;
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${valueText(v, lang)}`)
      .join('\n');
  }
  return valueText(value, lang);
}
