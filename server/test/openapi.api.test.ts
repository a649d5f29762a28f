// Every route in the OpenAPI document says what it answers: a 2xx response with a schema under its content
// type (a JSON view, or a file), or one declared to have no body (204, or a 201 that only says "done"). The
// test names each route that does not, so a route without a response schema fails here rather than shipping
// unchecked fields.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestContext } from './app.ts';

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> } | undefined>;
}
type OpenApi = { paths?: Record<string, Record<string, Operation | unknown>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** What @fastify/swagger writes for a route that declares no response. */
const UNDECLARED = 'Default Response';

/** A 2xx response documents its content (a schema under some media type), or says that it has none. */
function answersSomething(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(([status, res]) => {
    if (!/^2\d\d$/.test(status) || !res) return false;
    if (!res.content) return res.description !== UNDECLARED;
    return Object.values(res.content).some((media) => media?.schema !== undefined);
  });
}

export function routesWithoutResponse(doc: OpenApi): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op && !answersSomething(op)) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing.sort();
}

describe('OpenAPI document', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp('sqlite');
  });
  after(() => t.close());

  it('the check itself tells a documented route from one without a response', () => {
    const doc: OpenApi = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/b': { post: { responses: { 400: { content: { 'application/json': { schema: {} } } } } } },
        '/c': { get: { responses: { 200: { description: 'Default Response' } } } },
        '/e': { get: { responses: { 200: { content: { 'application/json': {} } } } } },
        '/d': { delete: { responses: { 204: { description: 'Done; no body' } } } },
      },
    };
    assert.deepEqual(routesWithoutResponse(doc), ['GET /c', 'GET /e', 'POST /b']);
  });

  it('is served at /api/openapi.json and lists the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as OpenApi;
    assert.ok(Object.keys(doc.paths ?? {}).length > 100, 'the document lists the routes');
  });

  it('gives every route a 2xx response schema', () => {
    const missing = routesWithoutResponse(t.app.swagger() as OpenApi);
    assert.deepEqual(missing, [], `routes without a 2xx response schema (${missing.length}):\n${missing.join('\n')}`);
  });
});
