// The demo's offices above Xiguan: 西关街道 (the case study's street office, 宝鸡市金台区西关街道) with its head, and
// 金台区 with a district admin. Their accounts hold region memberships only: figures of their communities, never
// a record. Phones follow the Xiguan demo's (1380000 + four digits).
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import { ensureRegion, grantRegionRole } from '../../server/src/modules/regions/regions-directory.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { RegionRole } from '../../domain/access/roles.ts';
import { DEMO_PHONE_PREFIX } from './accounts.ts';

/** Xiguan's street office: the case study is filed by 宝鸡市金台区西关街道党工委. */
export const XIGUAN_STREET = '西关街道';

export interface DemoRegionSignIn {
  phone: string;
  role: RegionRole;
  name: string;
  title: string;
  region: { kind: 'street' | 'district'; name: string };
  sees: { zh: string; en: string };
}

export const DEMO_REGION_SIGN_INS: DemoRegionSignIn[] = [
  {
    phone: DEMO_PHONE_PREFIX + '0008',
    role: 'street_admin',
    name: '王建华',
    title: '街道主任',
    region: { kind: 'street', name: XIGUAN_STREET },
    sees: {
      zh: '西关街道各社区的数据并排对比，可逐级查看到网格（只看数字，不看居民档案）',
      en: "The street office's communities side by side, down to each grid (figures only, never a resident's record)",
    },
  },
  {
    phone: DEMO_PHONE_PREFIX + '0009',
    role: 'district_admin',
    name: '李文涛',
    title: '区民政局',
    region: { kind: 'district', name: '金台区' },
    sees: {
      zh: '金台区各街道、社区的数据（只看数字，不看居民档案）',
      en: "The district's street offices and communities (figures only, never a resident's record)",
    },
  },
];

/**
 * Creates the demo office accounts in the regions the demo placed Xiguan in (宝鸡市 → 金台区 → 西关街道); an account
 * that exists already keeps its password. Idempotent.
 */
export async function seedDemoRegionAccounts(
  db: Kysely<Database>,
  place: { city: string; district: string; street: string },
  passwordHash: string | null,
): Promise<number> {
  const cityId = await ensureRegion(db, 'city', place.city, null);
  const districtId = await ensureRegion(db, 'district', place.district, cityId);
  const streetId = await ensureRegion(db, 'street', place.street, districtId);
  let created = 0;
  for (const s of DEMO_REGION_SIGN_INS) {
    let account = await db.selectFrom('account').select('id').where('phone', '=', s.phone).executeTakeFirst();
    if (!account) {
      account = { id: uuidv7() };
      await db
        .insertInto('account')
        .values({
          id: account.id,
          phone: s.phone,
          name: s.name,
          password_hash: passwordHash,
          locale: null,
          failed_sign_ins: 0,
          locked_until: null,
          disabled: 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      created++;
    }
    await grantRegionRole(db, account.id, s.region.kind === 'street' ? streetId : districtId, s.role, s.title);
  }
  return created;
}
