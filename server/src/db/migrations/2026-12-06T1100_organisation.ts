// The organisation (issue 15, case study: 领导小组, 社工带志愿者, 社会组织联合会). The leadership group led by the
// Party secretary; each volunteer's one responsible social worker (a staff account); and the federation of social
// organisations as units of a federation kind with their membership fields (a unit is already an organisation of the
// area with a contact, volunteers and teams, so the federation extends it rather than copying it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leadership_member')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull()) // leader | deputy | member
    .addColumn('account_id', 'text') // a community account, or null for a named person
    .addColumn('name', 'text') // the named person (null when account_id is set)
    .addColumn('title', 'text') // their unit or role (书记, 宝鸡市第一中学校长)
    .addColumn('duty', 'text') // 分工
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leadership_member_pk', ['community_id', 'id'])
    .execute();
  await db.schema.alterTable('volunteer').addColumn('social_worker_id', 'text').execute();
  await db.schema
    .createIndex('volunteer_social_worker_ix')
    .on('volunteer')
    .columns(['community_id', 'social_worker_id'])
    .execute();
  const unit = async (col: string) => db.schema.alterTable('unit').addColumn(col, 'text').execute();
  await unit('registration_no'); // 统一社会信用代码 / 登记证号, optional
  await unit('services'); // what it offers
  await unit('joined_on'); // local date it joined the federation
  await unit('federation_status'); // null: not a member; active | suspended | left
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const col of ['federation_status', 'joined_on', 'services', 'registration_no'])
    await db.schema.alterTable('unit').dropColumn(col).execute();
  await db.schema.dropIndex('volunteer_social_worker_ix').execute();
  await db.schema.alterTable('volunteer').dropColumn('social_worker_id').execute();
  await db.schema.dropTable('leadership_member').execute();
}
