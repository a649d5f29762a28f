// One-time codes stayed in the outbox after their message was sent or failed for good: a phone number beside a code,
// kept forever. The delivery worker now blanks them as each message is done (platform/outbox.ts); this blanks those
// kept before. The templates and fields are those of this day, written here so the migration stays as it ran.
import type { Kysely } from 'kysely';

const CODE_FIELDS: Record<string, string[]> = {
  sign_in_code: ['code'],
  wechat_bind_code: ['code'],
  volunteer_registration_code: ['code'],
  password_reset_code: ['code'],
  'volunteer.guardian_consent_code': ['code', 'link'],
};
const DONE = ['sent', 'delivered', 'failed', 'skipped'];
const MASKED = '******';
const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; template: string; payload: string }> = await db
      .selectFrom('notification_outbox')
      .select(['id', 'template', 'payload'])
      .where('template', 'in', Object.keys(CODE_FIELDS))
      .where('status', 'in', DONE)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const payload = parsed(r.payload);
      const fields = CODE_FIELDS[r.template]!.filter((f) => f in payload && payload[f] !== MASKED);
      if (fields.length === 0) continue;
      for (const f of fields) payload[f] = MASKED;
      await db
        .updateTable('notification_outbox')
        .set({ payload: JSON.stringify(payload) })
        .where('id', '=', r.id)
        .execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

// A blanked code cannot be put back.
export async function down(): Promise<void> {}

function parsed(payload: string): Record<string, unknown> {
  try {
    const v = JSON.parse(payload) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
