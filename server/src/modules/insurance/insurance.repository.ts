// All SQL of insurance: policies and the volunteers they cover.
import type { DbOrTrx } from '../../db/database.ts';
import type { InsurancePolicyTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { noCoverRunsOn } from '../../platform/insurance-cover.ts';
import { volunteerInScope } from '../volunteers/volunteer-scope.ts';

export const listPolicies = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('insurance_policy as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('insurance_cover as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.community_id', '=', 'p.community_id')
        .whereRef('c.policy_id', '=', 'p.id')
        .as('covered'),
    )
    .where('p.community_id', '=', communityId)
    .orderBy('p.ends_on', 'desc')
    .execute();

export const getPolicy = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('insurance_policy')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findPolicyByNo = (db: DbOrTrx, communityId: string, policyNo: string) =>
  db
    .selectFrom('insurance_policy')
    .select('id')
    .where('community_id', '=', communityId)
    .where('policy_no', '=', policyNo)
    .executeTakeFirst();

export const insertPolicy = (db: DbOrTrx, row: InsurancePolicyTable) =>
  db.insertInto('insurance_policy').values(row).execute();

export const getCover = (db: DbOrTrx, communityId: string, policyId: string, volunteerId: string) =>
  db
    .selectFrom('insurance_cover')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('policy_id', '=', policyId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const insertCover = (db: DbOrTrx, communityId: string, policyId: string, volunteerId: string, now: string) =>
  db
    .insertInto('insurance_cover')
    .values({
      community_id: communityId,
      policy_id: policyId,
      volunteer_id: volunteerId,
      added_at: now,
      notified_on: null,
    })
    .execute();

export const deleteCover = (db: DbOrTrx, communityId: string, policyId: string, volunteerId: string) =>
  db
    .deleteFrom('insurance_cover')
    .where('community_id', '=', communityId)
    .where('policy_id', '=', policyId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

function covers(db: DbOrTrx, actor: Actor, grant: Grant) {
  return db
    .selectFrom('insurance_cover as c')
    .innerJoin('insurance_policy as p', (j) =>
      j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.policy_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'c.community_id').onRef('v.id', '=', 'c.volunteer_id'),
    )
    .select([
      'c.policy_id',
      'c.volunteer_id',
      'c.added_at',
      'v.name',
      'v.birth_date',
      'p.insurer',
      'p.policy_no',
      'p.starts_on',
      'p.ends_on',
    ])
    .where('c.community_id', '=', actor.communityId)
    .where(volunteerInScope(actor, grant) as any);
}

/** A page of a list of covers: a name (or pinyin) search, a page. */
export interface CoverFilter {
  q?: string;
  page: number;
  pageSize: number;
}

type Covers = ReturnType<typeof covers>;

function searched(q: Covers, f: CoverFilter): Covers {
  const text = f.q?.replace(/[%_\\]/g, '').toLowerCase();
  if (!text) return q;
  return q.where((eb) => eb.or([eb('v.name', 'like', `%${text}%`), eb('v.name_pinyin', 'like', `%${text}%`)]));
}

/** One page (rows in `order`) and how many match. */
async function pageOfCovers(q: Covers, f: CoverFilter, order: (q: Covers) => Covers) {
  const [rows, count] = await Promise.all([
    order(q)
      .orderBy('c.volunteer_id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const coversOfPolicy = (db: DbOrTrx, actor: Actor, grant: Grant, policyId: string, f: CoverFilter) =>
  pageOfCovers(searched(covers(db, actor, grant).where('c.policy_id', '=', policyId), f), f, (q) =>
    q.orderBy('v.name_pinyin'),
  );

export const coversOfVolunteer = (db: DbOrTrx, actor: Actor, grant: Grant, volunteerId: string) =>
  covers(db, actor, grant).where('c.volunteer_id', '=', volunteerId).orderBy('p.ends_on', 'desc').execute();

/** Covers whose policy ends from today to `until`, leaving out volunteers already covered by a policy that runs on. */
export const expiringCovers = (db: DbOrTrx, actor: Actor, grant: Grant, today: string, until: string, f: CoverFilter) =>
  pageOfCovers(
    searched(
      covers(db, actor, grant)
        .where('p.ends_on', '>=', today)
        .where('p.ends_on', '<=', until)
        .where(noCoverRunsOn(until)),
      f,
    ),
    f,
    (q) => q.orderBy('p.ends_on').orderBy('v.name_pinyin').orderBy('c.policy_id'),
  );
