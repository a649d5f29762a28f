// All SQL of projects. The report reads the one record of service (contact) and the hours ledger (hours_entry) as
// read-only aggregates, like the left-out monitor: asking each module piece by piece would be a loop per
// activity, visit and member. The sources a project's links stand for are resolved in subqueries: an activity's
// sign-ups (hours), a pairing's visits (contacts and hours), a team's active members (contacts and hours they served).
import { sql, type ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database, ProjectSpendingTable, ProjectTable } from '../../db/schema/index.ts';

export async function listProjects(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('project as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('project_spending as s')
        .select(sql<number>`coalesce(sum(s.amount_fen), 0)`.as('n'))
        .whereRef('s.community_id', '=', 'p.community_id')
        .whereRef('s.project_id', '=', 'p.id')
        .as('spent_fen'),
      eb
        .selectFrom('project_link as l')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('l.community_id', '=', 'p.community_id')
        .whereRef('l.project_id', '=', 'p.id')
        .as('links'),
    ])
    .where('p.community_id', '=', communityId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id')
    .execute();
}

export function findProject(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('project')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findProjectByName(db: DbOrTrx, communityId: string, name: string) {
  return db
    .selectFrom('project')
    .select('id')
    .where('community_id', '=', communityId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertProject(db: DbOrTrx, row: ProjectTable) {
  await db.insertInto('project').values(row).execute();
}

export async function updateProject(db: DbOrTrx, communityId: string, id: string, set: Partial<ProjectTable>) {
  await db.updateTable('project').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export async function deleteProject(db: DbOrTrx, communityId: string, id: string) {
  await db.deleteFrom('project').where('community_id', '=', communityId).where('id', '=', id).execute();
}

export function links(db: DbOrTrx, communityId: string, projectId: string) {
  return db
    .selectFrom('project_link')
    .select(['kind', 'target_id', 'created_at'])
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .orderBy('kind')
    .orderBy('created_at')
    .execute();
}

export async function insertLink(db: DbOrTrx, communityId: string, projectId: string, kind: string, targetId: string) {
  const r = await db
    .insertInto('project_link')
    .values({
      community_id: communityId,
      project_id: projectId,
      kind,
      target_id: targetId,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deleteLink(db: DbOrTrx, communityId: string, projectId: string, kind: string, targetId: string) {
  const r = await db
    .deleteFrom('project_link')
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function spending(db: DbOrTrx, communityId: string, projectId: string) {
  return db
    .selectFrom('project_spending')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .orderBy('spent_on')
    .orderBy('id')
    .execute();
}

export async function insertSpending(db: DbOrTrx, row: ProjectSpendingTable) {
  await db.insertInto('project_spending').values(row).execute();
}

export async function deleteSpending(db: DbOrTrx, communityId: string, projectId: string, id: string) {
  const r = await db
    .deleteFrom('project_spending')
    .where('community_id', '=', communityId)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ------------------------------------------------------------------------------------------------ the report

type Eb<T extends keyof Database> = ExpressionBuilder<Database, T>;
const linked = (eb: Eb<any>, communityId: string, projectId: string, kind: string) =>
  eb
    .selectFrom('project_link as l')
    .select('l.target_id')
    .where('l.community_id', '=', communityId)
    .where('l.project_id', '=', projectId)
    .where('l.kind', '=', kind);
const visitsOf = (eb: Eb<any>, communityId: string, projectId: string) =>
  eb
    .selectFrom('pairing_visit as pv')
    .select('pv.id')
    .where('pv.community_id', '=', communityId)
    .where('pv.pairing_id', 'in', linked(eb, communityId, projectId, 'pairing'));
const membersOf = (eb: Eb<any>, communityId: string, projectId: string) =>
  eb
    .selectFrom('team_member as tm')
    .select('tm.volunteer_id')
    .where('tm.community_id', '=', communityId)
    .where('tm.status', '=', 'active')
    .where('tm.team_id', 'in', linked(eb, communityId, projectId, 'team'));

/**
 * The contacts of a project's linked work from `from` to `to` (local dates, inclusive). One selective statement per
 * kind of link (an OR of the four would scan every contact of the community), merged by contact id.
 */
export async function projectContacts(db: DbOrTrx, communityId: string, projectId: string, from: string, to: string) {
  const base = () =>
    db
      .selectFrom('contact as c')
      .select(['c.id', 'c.kind', 'c.subject_id', 'c.resident_id'])
      .where('c.community_id', '=', communityId)
      .where('c.occurred_on', '>=', from)
      .where('c.occurred_on', '<=', to);
  const parts = await Promise.all([
    base()
      .where('c.kind', '=', 'activity')
      .where('c.source_id', 'in', (eb) => linked(eb, communityId, projectId, 'activity'))
      .execute(),
    base()
      .where('c.kind', '=', 'need')
      .where('c.source_id', 'in', (eb) => linked(eb, communityId, projectId, 'need'))
      .execute(),
    base()
      .where('c.kind', '=', 'pairing_visit')
      .where('c.source_id', 'in', (eb) => visitsOf(eb, communityId, projectId))
      .execute(),
    base()
      .where('c.volunteer_id', 'in', (eb) => membersOf(eb, communityId, projectId))
      .execute(),
  ]);
  const byId = new Map<string, (typeof parts)[number][number]>();
  for (const rows of parts) for (const r of rows) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * Credit entries in force (corrections applied) of the linked work from `from` to `to`: one selective statement per
 * kind of link, each through an index (source, or volunteer), merged by entry id — an OR of the four made the planner
 * walk every entry of the community (2.9 s p99 on a project linking the whole demo).
 */
export async function projectHourEntries(
  db: DbOrTrx,
  communityId: string,
  projectId: string,
  from: string,
  to: string,
) {
  const base = () =>
    db
      .selectFrom('hours_entry as e')
      .select(['e.id', 'e.minutes', 'e.status', 'e.volunteer_id'])
      .where('e.community_id', '=', communityId)
      .where('e.kind', '=', 'credit')
      .where('e.corrected_by', 'is', null)
      .where('e.service_date', '>=', from)
      .where('e.service_date', '<=', to);
  const parts = await Promise.all([
    base()
      .where('e.source', '=', 'activity')
      .where('e.source_id', 'in', (eb) =>
        eb
          .selectFrom('activity_signup as s')
          .select('s.id')
          .where('s.community_id', '=', communityId)
          .where('s.activity_id', 'in', linked(eb, communityId, projectId, 'activity')),
      )
      .execute(),
    base()
      .where('e.source', '=', 'need')
      .where('e.source_id', 'in', (eb) => linked(eb, communityId, projectId, 'need'))
      .execute(),
    base()
      .where('e.source', '=', 'pairing_visit')
      .where('e.source_id', 'in', (eb) => visitsOf(eb, communityId, projectId))
      .execute(),
    base()
      .where('e.volunteer_id', 'in', (eb) => membersOf(eb, communityId, projectId))
      .execute(),
  ]);
  const byId = new Map<string, (typeof parts)[number][number]>();
  for (const rows of parts) for (const r of rows) byId.set(r.id, r);
  return [...byId.values()];
}

/** Stored special-group tags of these residents (registry's resident_tag, read-only). */
export async function tagsOf(db: DbOrTrx, communityId: string, residentIds: readonly string[]) {
  const out: Array<{ resident_id: string; tag: string }> = [];
  const ids = [...residentIds];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('resident_tag')
        .select(['resident_id', 'tag'])
        .where('community_id', '=', communityId)
        .where('resident_id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}
