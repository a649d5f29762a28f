// The organisation of the demo (issue 15, case study 二.2–4): the volunteer-service leadership group with the
// secretary as 组长; 社工带志愿者 (赵婷, 13800000002, leads about 40 volunteers including 刘红梅, and 宋佳怡 some
// thirty more); and the federation of social organisations, its members units of a federation kind.
import type { Kysely } from 'kysely';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import { insertInBatches } from './insert.ts';

interface Options {
  communityId: string;
  communityName: string;
  phonePrefix: string;
  at: string;
}

/** Who sits in the group: an account (by phone suffix) or a named person of a unit. */
const LEADERSHIP = [
  { position: 'leader', suffix: '0001', title: '社区党委书记', duty: '全面负责，统筹协调各方资源' },
  { position: 'deputy', suffix: '0010', title: '社区居委会主任', duty: '志愿者招募、注册和培训' },
  { position: 'deputy', suffix: '0011', title: '社区居委会副主任', duty: '需求对接和服务记录' },
  { position: 'member', suffix: '0002', title: '社工', duty: '社工带志愿者，服务时长审核' },
  { position: 'member', suffix: '0013', title: '党建专干', duty: '党员志愿者报到和岗位认领' },
  { position: 'member', suffix: '0012', title: '民政专干', duty: '特殊老人和困难家庭服务' },
  { position: 'member', name: '程晓东', title: '宝鸡市中医医院', duty: '义诊和健康体检' },
  { position: 'member', name: '邓凯', title: '中国电信宝鸡分公司', duty: '爱心二维码胸牌' },
] as const;

const FEDERATION = (c: string) => [
  {
    name: `${c}志愿者协会`,
    kind: 'volunteer_org',
    registration_no: null,
    contact_name: '宋佳怡',
    contact_phone: '13609170101',
    services: '志愿者招募、培训和嘉许回馈',
    joined_on: '2015-03-05',
    federation_status: 'active',
  },
  {
    name: `${c}秦腔自乐班`,
    kind: 'volunteer_org',
    registration_no: null,
    contact_name: '文健',
    contact_phone: '13609170102',
    services: '秦腔演出、文艺汇演、重阳慰问演出',
    joined_on: '2016-09-09',
    federation_status: 'active',
  },
  {
    name: '金台区阳光助残服务中心',
    kind: 'social_org',
    registration_no: '52610303MJY2018X1C',
    contact_name: '贺敏',
    contact_phone: '13609170103',
    services: '残疾人康复陪伴、上门服务',
    joined_on: '2017-06-01',
    federation_status: 'active',
  },
  {
    name: '宝鸡市暖阳家政服务有限公司',
    kind: 'social_enterprise',
    registration_no: '91610303MA6X2018K7',
    contact_name: '雷娜',
    contact_phone: '13609170104',
    services: '独居老人助洁、缝补拆洗（公益价）',
    joined_on: '2018-01-15',
    federation_status: 'suspended',
  },
];

export async function insertOrganisationDemo(db: Kysely<Database>, o: Options): Promise<void> {
  const accounts = new Map(
    (
      await db
        .selectFrom('account as a')
        .innerJoin('membership as m', 'm.account_id', 'a.id')
        .select(['a.id', 'a.phone'])
        .where('m.community_id', '=', o.communityId)
        .execute()
    ).map((a) => [a.phone, a.id]),
  );
  const accountOf = (suffix: string) => accounts.get(o.phonePrefix + suffix) ?? null;
  await insertInBatches(
    db,
    'leadership_member',
    LEADERSHIP.flatMap((l, sort) => {
      const accountId = 'suffix' in l ? accountOf(l.suffix) : null;
      if ('suffix' in l && !accountId) return [];
      return [
        {
          community_id: o.communityId,
          id: uuidv7(),
          position: l.position,
          account_id: accountId,
          name: 'name' in l ? l.name : null,
          title: l.title,
          duty: l.duty,
          sort,
          created_at: o.at,
        },
      ];
    }),
  );

  // 社工带志愿者: volunteers with entries waiting first (so the queue's filter shows work), then others.
  const approved = await db
    .selectFrom('volunteer as v')
    .select(['v.id', 'v.account_id'])
    .where('v.community_id', '=', o.communityId)
    .where('v.status', '=', 'approved')
    .orderBy('v.id')
    .execute();
  // Counted in one pass over the community's entries, not once per volunteer (a city build has no index to look up
  // one volunteer's entries by).
  const pendingOf = new Map(
    (
      await db
        .selectFrom('hours_entry as e')
        .select(['e.volunteer_id', (x) => x.fn.countAll<number>().as('n')])
        .where('e.community_id', '=', o.communityId)
        .where('e.status', '=', 'pending')
        .groupBy('e.volunteer_id')
        .execute()
    ).map((r) => [r.volunteer_id, Number(r.n)]),
  );
  const pending = (v: { id: string }) => pendingOf.get(v.id) ?? 0;
  const own = accountOf('0006');
  const ordered = [
    ...approved.filter((v) => own && v.account_id === own),
    ...approved.filter((v) => !(own && v.account_id === own) && pending(v) > 0),
    ...approved.filter((v) => !(own && v.account_id === own) && !(pending(v) > 0)),
  ].map((v) => v.id);
  const give = async (suffix: string, ids: string[]) => {
    const worker = accountOf(suffix);
    if (!worker || !ids.length) return;
    await db
      .updateTable('volunteer')
      .set({ social_worker_id: worker })
      .where('community_id', '=', o.communityId)
      .where('id', 'in', ids)
      .execute();
  };
  await give('0002', ordered.slice(0, 40));
  await give('0019', ordered.slice(40, 70));

  // The federation: new member organisations, and the community's 老协 and 残协 (社会组织 in the case study).
  await insertInBatches(
    db,
    'unit',
    FEDERATION(o.communityName).map((f) => ({
      community_id: o.communityId,
      id: uuidv7(),
      address: null,
      created_at: o.at,
      ...f,
    })),
  );
  await db
    .updateTable('unit')
    .set({ federation_status: 'active', joined_on: '2014-10-01', services: '老年人、残疾人互助和文体活动' })
    .where('community_id', '=', o.communityId)
    .where('kind', 'in', ['elderly_association', 'disabled_association'])
    .execute();
  // The 秦腔社 culture team is the 秦腔自乐班's.
  const opera = await db
    .selectFrom('unit')
    .select('id')
    .where('community_id', '=', o.communityId)
    .where('name', '=', `${o.communityName}秦腔自乐班`)
    .executeTakeFirst();
  if (opera)
    await db
      .updateTable('team')
      .set({ unit_id: opera.id })
      .where('community_id', '=', o.communityId)
      .where('name', '=', '秦腔社')
      .where('unit_id', 'is', null)
      .execute();
}
