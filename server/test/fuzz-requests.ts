// Requests for the route fuzzer, drawn by fast-check from a route's OpenAPI operation: path params from real ids
// (or hostile text), query values and JSON bodies that fit the schema, each value now and then swapped for a hostile
// one (wrong type, 100k text, NUL, lone surrogates, RTL marks, emoji, SQL and HTML, path traversal, impossible
// dates, huge and negative numbers), and whole bodies that are wrong (empty, an array, deep nesting, extra fields).
import fc from 'fast-check';

export interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

export interface FuzzRequest {
  role: string | null;
  url: string;
  /** A JSON value, or raw text sent as JSON (deep nesting, malformed JSON). */
  body?: { json: unknown } | { raw: string };
}

const HOSTILE_TEXT = [
  '',
  ' ',
  'x'.repeat(100_000),
  '中'.repeat(100_000),
  '\u0000',
  'a\u0000b',
  '\uD800',
  'a\uDFFFb',
  '\u202Eevil\u202C',
  '\u200F\u200E\u2066',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  "' OR '1'='1",
  "'; DROP TABLE resident; --",
  '" OR ""="',
  '\\',
  '%',
  '%25',
  '_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=cmd|" /C calc"!A0',
  '../../../etc/passwd',
  '..\\..\\windows',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e9',
  '1e309',
  '0x1F',
  'true',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-12-07T25:61:00Z',
  '24:00',
  '99:99',
  '2026Q5',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190c6a1-0000-7000-8000-000000000000',
  '__proto__',
  'constructor',
  '{"a":1}',
];

const HOSTILE_NUMBERS = [0, -1, -0.5, 0.5, 1e9, -1e9, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];

/** Any wrong value: hostile text and numbers, other types, small odd structures. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Text for a query or path value: hostile text, or hostile numbers written out. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS.map(String), '1e999', '-0', '1.5', ' 1') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const pad = (n: number) => String(n).padStart(2, '0');
const realDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateText = fc.oneof(
  { weight: 4, arbitrary: realDate },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-04-31', '2026-12-07', '2025-02-29', '1900-01-01') },
);
const timeText = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
const phoneText = fc.stringMatching(/^1[3-9]\d{9}$/);
const dateTimeText = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Text without a pattern, guessed from the field's name (dates, times, phones) or any short text. */
function namedText(name: string, s: Schema): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  const fit = (a: fc.Arbitrary<string>) =>
    a.filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity));
  if (s.format === 'date-time' || /at$/.test(name)) return fit(dateTimeText);
  if (/date|on$|^(from|to|day|since|until|month)$/.test(n) || /(From|To|Day)$/.test(name))
    return fit(
      fc.oneof(
        dateText,
        dateText.map((d) => d.slice(0, 7)),
      ),
    );
  if (/time$|^(start|end)s?$/.test(n)) return fit(timeText);
  if (/phone/.test(n)) return fit(phoneText);
  if (/quarter/.test(n)) return fit(fc.constantFrom('2026Q4', '2026Q1', '2025Q3'));
  if (/year/.test(n)) return fit(fc.constantFrom('2026', '2025'));
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 12, 24) });
}

export interface Ids {
  /** Real ids for a param or field of this name on this path (from the seeded database). */
  (name: string): string[];
}

const isType = (s: Schema, t: string) => s.type === t || (Array.isArray(s.type) && s.type.includes(t));

/** Values that fit the schema (as far as a JSON schema says); each node is swapped for a hostile value at `hostile`. */
export function fromSchema(s: Schema | undefined, name: string, ids: Ids, hostile: number): fc.Arbitrary<unknown> {
  const fitting = fitSchema(s ?? {}, name, ids, hostile);
  if (hostile <= 0) return fitting;
  return fc.oneof({ weight: 100 - hostile, arbitrary: fitting }, { weight: hostile, arbitrary: hostileValue });
}

function fitSchema(s: Schema, name: string, ids: Ids, hostile: number): fc.Arbitrary<unknown> {
  const base = fitBase(s, name, ids, hostile);
  return s.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function fitBase(s: Schema, name: string, ids: Ids, hostile: number): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fitSchema(a, name, ids, hostile)));
  if (s.allOf?.length) return fitSchema(Object.assign({}, ...s.allOf), name, ids, hostile);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (isType(s, 'null') && !s.type?.length) return fc.constant(null);
  if (isType(s, 'boolean')) return fc.boolean();
  if (isType(s, 'integer') || isType(s, 'number')) {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : Math.max(min, 0) + 1000);
    const lo = Math.max(Math.ceil(min), -2_000_000_000);
    const hi = Math.max(lo, Math.min(Math.floor(max), 2_000_000_000));
    return isType(s, 'integer')
      ? fc.integer({ min: lo, max: hi })
      : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
  }
  if (isType(s, 'array')) {
    const maxLength = Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3));
    return fc.array(fromSchema(s.items, name, ids, hostile), { minLength: s.minItems ?? 0, maxLength });
  }
  if (isType(s, 'object') || s.properties) {
    const props = s.properties ?? {};
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, p] of Object.entries(props)) record[k] = fromSchema(p, k, ids, hostile);
    return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  }
  if (isType(s, 'string') || s.format || s.pattern) {
    const real = ids(name);
    if (s.format === 'uuid') return real.length ? fc.oneof(fc.constantFrom(...real), fc.uuid()) : fc.uuid();
    if (s.pattern) {
      try {
        const re = new RegExp(s.pattern, 'u');
        return fc.stringMatching(re).filter((v) => v.length <= (s.maxLength ?? 200) && v.length >= (s.minLength ?? 0));
      } catch {
        // A pattern JavaScript cannot read as a regular expression: fall back to named text.
      }
    }
    if (real.length && /id$/i.test(name)) return fc.constantFrom(...real);
    return namedText(name, s);
  }
  return hostileValue;
}

/** encodeURIComponent, with a lone surrogate sent as its raw three bytes (which encodeURIComponent refuses). */
function encode(v: string): string {
  return v.replace(/[\s\S]/gu, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    return encodeURIComponent(ch);
  });
}

const METHODS_WITH_BODY = new Set(['post', 'put', 'patch', 'delete']);

/** Whole bodies that are wrong in shape. */
const badBody: fc.Arbitrary<FuzzRequest['body']> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom({ json: {} }, { json: [] }, { json: null }, { json: 'text' }, { json: 0 }),
  fc.constantFrom(
    { raw: '' },
    { raw: '{' },
    { raw: '{"a":1,}' },
    { raw: '['.repeat(5000) + ']'.repeat(5000) },
    { raw: '{"a":'.repeat(3000) + '1' + '}'.repeat(3000) },
    { raw: '{"__proto__":{"admin":true}}' },
    { raw: '{"constructor":{"prototype":{"x":1}}}' },
  ),
);

/**
 * A route's requests: its path params, query and body drawn from its operation, sent as one of `roles` (each with
 * its weight).
 * `ids` gives real ids by param or field name; `hostile` is the chance in 100 that a value is swapped for a hostile
 * one.
 */
export function requestsFor(
  path: string,
  method: string,
  op: Operation,
  roles: ReadonlyArray<readonly [string | null, number]>,
  ids: Ids,
  hostile = 12,
): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');

  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const real = ids(p.name);
        const fitting = fromSchema(p.schema, p.name, ids, 0).map(String);
        const arb = real.length
          ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: fitting })
          : fitting;
        return [
          p.name,
          fc.oneof({ weight: 100 - hostile, arbitrary: arb }, { weight: hostile, arbitrary: hostileText }),
        ];
      }),
    ),
  );
  const queryArb = fc.record(
    Object.fromEntries(
      queryParams.map((p) => [
        p.name,
        fc.oneof(
          {
            weight: 100 - hostile,
            arbitrary: fromSchema(p.schema, p.name, ids, 0).map((v) => (v === null ? '' : String(v))),
          },
          { weight: hostile, arbitrary: hostileText },
        ),
      ]),
    ),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
  );
  const extraQuery = fc.option(
    fc.constantFrom('page=0', 'page=-1', 'page=1e9', 'pageSize=100000', 'x=1', 'q[]=a&q[]=b'),
    {
      freq: 8,
    },
  );
  const json = op.requestBody?.content?.['application/json']?.schema;
  const bodyArb: fc.Arbitrary<FuzzRequest['body']> = !METHODS_WITH_BODY.has(method)
    ? fc.constant(undefined)
    : json
      ? fc.oneof(
          { weight: 12, arbitrary: fromSchema(json, 'body', ids, hostile).map((v) => ({ json: v })) },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fromSchema(json, 'body', ids, 0), fc.constantFrom('extra', '__proto__', ''), hostileValue)
              .map(([v, k, x]) => ({ json: v && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k]: x } : v })),
          },
          { weight: 2, arbitrary: badBody },
        )
      : fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: badBody });

  return fc
    .record({
      role: fc.oneof(...roles.map(([role, weight]) => ({ weight, arbitrary: fc.constant(role) }))),
      path: pathArb,
      query: queryArb,
      extra: extraQuery,
      body: bodyArb,
    })
    .map(({ role, path: values, query, extra, body }) => {
      const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => encode(String(values[k] ?? '')));
      const qs = Object.entries(query).map(([k, v]) => `${encode(k)}=${encode(v as string)}`);
      if (extra) qs.push(extra);
      return { role, url: qs.length ? `${filled}?${qs.join('&')}` : filled, body };
    });
}
