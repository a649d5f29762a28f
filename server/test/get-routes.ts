// The GET routes of the OpenAPI document (which send JSON, which list things and whether they page) and how to fill
// each templated path's params from the Xiguan demo's rows, and the query a route needs before it lists anything.
// Shared by the every-GET test and the route benches (bench/list-routes.ts, bench/sweep.ts).
import type { Kysely } from 'kysely';
import { XIGUAN_ID } from '../src/demo.ts';

export type Any = Kysely<any>;
type Fill = (db: Any) => Promise<Record<string, string> | null>;

const first =
  (table: string, column = 'id', where?: (q: any) => any): ((db: Any) => Promise<string | null>) =>
  async (db) => {
    let q = db.selectFrom(table).select(column).where('community_id', '=', XIGUAN_ID);
    if (where) q = where(q);
    const row = await q.orderBy(column).limit(1).executeTakeFirst();
    return row ? String(row[column]) : null;
  };

const byId =
  (table: string, where?: (q: any) => any): Fill =>
  async (db) => {
    const id = await first(table, 'id', where)(db);
    return id ? { id } : null;
  };

const feed =
  (table: string): Fill =>
  async (db) => {
    const token = await first(table, 'token')(db);
    return token ? { communityId: XIGUAN_ID, token } : null;
  };

const QUARTER = '2026Q4';

/** How each templated path gets its params from the demo. */
export const FILLS: Record<string, Fill> = {
  '/api/households/{id}': byId('household'),
  '/api/households/{id}/survey': byId('household'),
  '/api/residents/{id}': byId('resident'),
  '/api/residents/{id}/sensitive': byId('resident'),
  '/api/volunteers/{id}/skills': byId('volunteer'),
  '/api/volunteers/{id}/availability': byId('volunteer'),
  '/api/volunteers/{id}': byId('volunteer'),
  '/api/volunteers/{id}/sensitive': byId('volunteer'),
  '/api/volunteers/card/{token}': async (db) => {
    const token = await first('volunteer', 'card_token')(db);
    return token ? { token } : null;
  },
  '/api/hours/volunteers/{id}': byId('volunteer'),
  '/api/points/volunteers/{id}': byId('volunteer'),
  '/api/recognition/volunteers/{id}/star': byId('volunteer'),
  '/api/units/{id}': byId('unit'),
  '/api/units/{id}/volunteers': byId('unit'),
  '/api/teams/{id}': byId('team'),
  '/api/training/sessions/{id}/attendance': byId('training_session'),
  '/api/insurance/policies/{id}/covered': byId('insurance_policy'),
  '/api/insurance/policies/{id}/covered/export': byId('insurance_policy'),
  '/api/service-types/{id}': byId('service_type'),
  '/api/service-types/{id}/eligible': byId('service_type'),
  '/api/needs/{id}': byId('need'),
  '/api/needs/{id}/candidates': byId('need'),
  '/api/my/needs/{id}': byId('need'),
  '/api/pairings/{id}': byId('pairing'),
  '/api/appointments/providers/{id}/feed': async (db) => {
    const id = await first('appointment_provider', 'volunteer_id')(db);
    return id ? { id } : null;
  },
  '/api/appointments/services/{id}/slots': byId('appointment_service'),
  '/api/appointments/feed/{communityId}/{token}': feed('appointment_feed'),
  '/api/activities/feed/{communityId}/{token}': feed('activity_feed'),
  '/api/wechat/{communityId}': async () => ({ communityId: XIGUAN_ID }),
  '/api/activities/{id}': byId('activity'),
  '/api/activities/{id}/signups': byId('activity'),
  '/api/activities/{id}/signups/export': byId('activity'),
  '/api/activities/{id}/served-residents': byId('activity'),
  '/api/activities/{id}/companions': byId('activity'),
  '/api/activities/{id}/my-companions': byId('activity'),
  '/api/activities/{id}/code': byId('activity'),
  '/api/activities/{id}/checkin': byId('activity'),
  '/api/recognition/quarters/{quarter}/ranking': async () => ({ quarter: QUARTER }),
  '/api/recognition/quarters/{quarter}/ranking/export': async () => ({ quarter: QUARTER }),
  '/api/recognition/quarters/{quarter}/nominations': async () => ({ quarter: QUARTER }),
  '/api/public/recognition/{communityId}': async () => ({ communityId: XIGUAN_ID }),
  '/api/activities/{id}/poster.pdf': byId('activity', (q) => q.where('status', '=', 'published')),
  '/api/public/{communityId}/activities': async () => ({ communityId: XIGUAN_ID }),
  '/api/public/{communityId}/screen': async () => ({ communityId: XIGUAN_ID }),
  '/api/public/{communityId}/screen.txt': async () => ({ communityId: XIGUAN_ID }),
  '/api/public/{communityId}/honours': async () => ({ communityId: XIGUAN_ID }),
  '/api/public/recognition/{communityId}/{quarter}': async () => ({ communityId: XIGUAN_ID, quarter: QUARTER }),
  '/api/public/recognition/{communityId}/{quarter}/poster.pdf': async () => ({
    communityId: XIGUAN_ID,
    quarter: QUARTER,
  }),
  '/api/classroom/sessions/{id}/board': byId('classroom_session'),
  '/api/homecare/stays/{id}/shifts': byId('hospital_stay'),
  '/api/homecare/runs/{id}': byId('delivery_run'),
  '/api/homecare/mine/runs/{id}': byId('delivery_run'),
  '/api/badges/{id}': byId('badge'),
  '/api/badges/{id}/scans': byId('badge'),
  '/api/badges/{id}/preview': byId('badge'),
  '/api/badges/{id}/card.pdf': byId('badge'),
  '/api/regions/communities/{id}/grids': async () => ({ id: XIGUAN_ID }),
};

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
}

export interface GetRoute {
  path: string;
  json: boolean;
  /** The body is a list: an array, or an object with `items`. */
  list: 'array' | 'items' | null;
  pages: boolean;
}

export function getRoutes(doc: any): GetRoute[] {
  const out: GetRoute[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    const op = item.get;
    if (!op) continue;
    const ok = op.responses?.['200'] ?? op.responses?.['201'];
    const content: Record<string, { schema?: Schema }> = ok?.content ?? {};
    const json = 'application/json' in content;
    const schema = content['application/json']?.schema;
    const isArray = (s?: Schema) => !!s && (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')));
    const list = !json ? null : isArray(schema) ? 'array' : isArray(schema?.properties?.items) ? 'items' : null;
    const query: string[] = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
    out.push({ path, json, list, pages: query.includes('page') && query.includes('pageSize') });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function listLength(body: unknown, list: 'array' | 'items'): number {
  if (list === 'array') return (body as unknown[]).length;
  return (body as { items: unknown[] }).items.length;
}

/** Each route's path with its params filled from the demo; a route missing here could not be filled. */
export async function fillPaths(routes: GetRoute[], db: Any): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const r of routes) {
    if (!r.path.includes('{')) {
      paths.set(r.path, r.path);
      continue;
    }
    const fill = FILLS[r.path];
    const params = fill ? await fill(db) : null;
    if (params)
      paths.set(
        r.path,
        r.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`),
      );
  }
  return paths;
}

/** Query params a route needs before it lists anything (the benches ask with them). */
export const ROUTE_QUERY: Record<string, string> = {
  '/api/calendar/festivals': 'year=2026',
  '/api/calendar/solar-terms': 'year=2026',
  '/api/activities/performances/shows': 'year=2026',
  '/api/appointments/residents': `q=${encodeURIComponent('李')}`,
  '/api/homecare/residents': `q=${encodeURIComponent('李')}`,
  '/api/recognition/health-check': 'year=2026',
  '/api/needs/caller': 'phone=13800000007',
  '/api/recognition/health-check/bookings': 'year=2026',
  '/api/party-indicators': 'from=2026-01-01&to=2026-12-31',
};

/** Routes that list one volunteer's things: asked of the demo's first approved volunteer. */
const FOR_A_VOLUNTEER = ['/api/insurance/covers', '/api/training/certificates'];

/**
 * Each route's URL path as the benches ask it: the params filled from the demo (fillPaths), then the query it
 * needs (ROUTE_QUERY, or the demo's first approved volunteer). A route missing here could not be filled.
 */
export async function benchPaths(routes: GetRoute[], db: Any): Promise<Map<string, string>> {
  const paths = await fillPaths(routes, db);
  const volunteer = (
    await db
      .selectFrom('volunteer')
      .select('id')
      .where('community_id', '=', XIGUAN_ID)
      .where('status', '=', 'approved')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
  )?.id as string | undefined;
  const query: Record<string, string> = { ...ROUTE_QUERY };
  if (volunteer) for (const route of FOR_A_VOLUNTEER) query[route] = `volunteerId=${volunteer}`;
  for (const [route, path] of paths) if (query[route]) paths.set(route, `${path}?${query[route]}`);
  return paths;
}
