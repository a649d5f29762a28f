// Love QR badges in the demo: the community's hotline and duty phone, a badge for every elder (60+)
// tagged dementia or chronic illness who has a family contact to call (李泽钦's mother among them), and a few
// scans — one on the mother's badge with a finder's message and location. Pure row builders: ids, nicknames,
// cautions and scans follow the seed; the tokens alone come from crypto (a demo server is public, and a
// token derived from a known seed could be guessed).
import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import { ageOn } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { SUGGEST_FROM_AGE, TOKEN_BYTES, contactLabel } from '../../domain/badges/badges.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { FieldCipher } from '../../server/src/platform/crypto.ts';
import { groupTag } from '../../server/src/modules/registry/tags.ts';
import { Rng } from './random.ts';

export const BADGE_HOTLINE = '0917-3212345';
export const BADGE_DUTY_PHONE = '0917-3210110';
export const BADGE_TABLES = [
  ['consent_record', 'consents'],
  ['badge_settings', 'settings'],
  ['badge', 'badges'],
  ['badge_contact', 'contacts'],
  ['badge_scan', 'scans'],
] as const;

export interface BadgeDemoInput {
  communityId: string;
  today: string;
  now: Date;
  seed: number;
  cipher: FieldCipher;
  residents: Array<{ id: unknown; name: unknown; gender: unknown; birth_date: unknown; status: unknown }>;
  tags: Array<{ resident_id: unknown; tag: unknown }>;
  contacts: Array<{
    resident_id: unknown;
    name: unknown;
    relation: unknown;
    phone: unknown;
    is_primary: unknown;
    created_at: unknown;
  }>;
  /** The family account's phone (李泽钦, 13800000007): his mother's badge gets the message. */
  familyPhone: string;
  staff: { accountId: string; name: string } | null;
  dutyPhones: string[];
}

export interface BadgeDemoRows {
  settings: Insertable<Database['badge_settings']>[];
  badges: Insertable<Database['badge']>[];
  contacts: Insertable<Database['badge_contact']>[];
  scans: Insertable<Database['badge_scan']>[];
  /**
   * The love_badge consent each badge stands on: the guardian's for an elder with dementia, the elder's own otherwise.
   */
  consents: Insertable<Database['consent_record']>[];
  /** The mother's badge, for the figures test. */
  motherBadgeId: string | null;
}

const DEMENTIA_CAUTIONS = [
  '{ta}记性不好，可能说不清家在哪里。请陪{ta}在原地稍等，并给家人打电话。',
  '{ta}有时会忘记回家的路。请不要大声催促，陪{ta}坐一会儿，联系家人来接。',
  '{ta}记忆力减退，容易走失。请帮忙联系家人，谢谢您！',
];
const OTHER_CAUTIONS = [
  '如果{ta}看起来迷路或不舒服，请让{ta}坐下休息，并给家人打电话。',
  '{ta}走远了容易累。请扶{ta}坐下，联系家人来接。',
];
const labelOf = contactLabel;

export function badgeRows(input: BadgeDemoInput): BadgeDemoRows {
  const rng = new Rng(input.seed).fork('badges');
  const cid = input.communityId;
  const at = input.now.toISOString();
  const staff = input.staff ?? { accountId: 'demo-seed', name: '社区工作人员' };
  const out: BadgeDemoRows = {
    settings: [
      {
        community_id: cid,
        hotline: BADGE_HOTLINE,
        duty_phone: BADGE_DUTY_PHONE,
        notify_phones: JSON.stringify(input.dutyPhones),
        updated_by: staff.accountId,
        updated_at: at,
      },
    ],
    badges: [],
    contacts: [],
    scans: [],
    consents: [],
    motherBadgeId: null,
  };
  const dementia = groupTag(input.cipher, cid, 'dementia');
  const chronic = groupTag(input.cipher, cid, 'chronic_illness');
  const groups = new Map<string, Set<string>>();
  for (const t of input.tags)
    if (t.tag === dementia || t.tag === chronic)
      (
        groups.get(t.resident_id as string) ??
        groups.set(t.resident_id as string, new Set()).get(t.resident_id as string)!
      ).add(t.tag as string);
  const contactsOf = new Map<string, BadgeDemoInput['contacts']>();
  for (const c of input.contacts)
    (
      contactsOf.get(c.resident_id as string) ??
      contactsOf.set(c.resident_id as string, []).get(c.resident_id as string)!
    ).push(c);

  const issuedFrom = input.now.getTime() - 400 * 86_400_000;
  for (const r of input.residents) {
    const id = r.id as string;
    const g = groups.get(id);
    const family = (contactsOf.get(id) ?? [])
      .slice()
      .sort(
        (a, b) =>
          Number(b.is_primary) - Number(a.is_primary) || String(a.created_at).localeCompare(String(b.created_at)),
      );
    if (
      !g ||
      r.status !== 'active' ||
      ageOn(r.birth_date as string, input.today) < SUGGEST_FROM_AGE ||
      family.length === 0
    )
      continue;
    const ta = r.gender === 'female' ? '她' : '他';
    const nickname = `${(r.name as string).slice(0, 1)}${r.gender === 'female' ? '奶奶' : '爷爷'}`;
    const cautions = rng.pick(g.has(dementia) ? DEMENTIA_CAUTIONS : OTHER_CAUTIONS).replaceAll('{ta}', ta);
    const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
    const issued = new Date(issuedFrom + rng.int(0, 380) * 86_400_000).toISOString();
    const badgeId = uuidv7();
    out.badges.push({
      community_id: cid,
      id: badgeId,
      resident_id: id,
      token_hash: crypto.createHash('sha256').update(token).digest('hex'),
      token_enc: input.cipher.encrypt(token),
      nickname,
      cautions,
      status: 'active',
      issued_at: issued,
      issued_by: staff.accountId,
      issued_by_name: staff.name,
      revoked_at: null,
      revoked_by: null,
      revoked_by_name: null,
      revoke_reason: null,
      replaced_by: null,
      updated_at: issued,
    });
    const guardian = g.has(dementia) ? family[0]! : null;
    out.consents.push({
      community_id: cid,
      id: uuidv7(),
      resident_id: id,
      purpose: 'love_badge',
      given_by_name: guardian ? (guardian.name as string) : (r.name as string),
      given_by_relation: guardian ? `监护人（${labelOf(guardian.relation as string)}）`.slice(0, 10) : '本人',
      given_at: issued,
      withdrawn_at: null,
      recorded_by: staff.accountId,
      note: null,
    });
    family.slice(0, 5).forEach((c, i) =>
      out.contacts.push({
        community_id: cid,
        id: uuidv7(),
        badge_id: badgeId,
        label: labelOf(c.relation as string),
        phone: c.phone as string,
        position: i,
      }),
    );
    if (family.some((c) => c.phone === input.familyPhone)) out.motherBadgeId = badgeId;
  }

  // A few scans: passers-by who looked at a badge (the family was told), and the mother's last outing.
  const ipHash = (n: number) => input.cipher.token(cid, 'badge_scan_ip', `demo-finder-${n}`);
  const scanned = rng.sample(
    out.badges.filter((b) => b.id !== out.motherBadgeId),
    Math.min(5, out.badges.length),
  );
  scanned.forEach((b, i) => {
    const when = new Date(input.now.getTime() - rng.int(2, 60) * 86_400_000 - rng.int(0, 600) * 60_000).toISOString();
    out.scans.push({
      community_id: cid,
      id: uuidv7(),
      badge_id: b.id,
      at: when,
      kind: 'view',
      message: null,
      place: null,
      lat: null,
      lng: null,
      ip_hash: ipHash(i),
      notified: 1,
    });
  });
  if (out.motherBadgeId) {
    const seen = new Date(input.now.getTime() - 3 * 86_400_000 - 140 * 60_000);
    out.scans.push(
      {
        community_id: cid,
        id: uuidv7(),
        badge_id: out.motherBadgeId,
        at: seen.toISOString(),
        kind: 'view',
        message: null,
        place: null,
        lat: null,
        lng: null,
        ip_hash: ipHash(99),
        notified: 1,
      },
      {
        community_id: cid,
        id: uuidv7(),
        badge_id: out.motherBadgeId,
        at: new Date(seen.getTime() + 4 * 60_000).toISOString(),
        kind: 'message',
        message: '老人在公交站坐着，说找不到家了，我陪着她，请尽快来接。',
        place: '经二路公交站（人民公园对面）',
        lat: 34.361846,
        lng: 107.238192,
        ip_hash: ipHash(99),
        notified: 1,
      },
    );
  }
  return out;
}
