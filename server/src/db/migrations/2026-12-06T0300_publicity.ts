// Publicity: announcements (one text for the public site, the screen, the poster and the WeChat group) and
// short links. A short link is looked up by its code alone (the URL names no community): its own index.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcement')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('quarter', 'text')
    .addColumn('class_kind', 'text')
    .addColumn('schedule', 'text')
    .addColumn('place', 'text')
    .addColumn('publish_from', 'text')
    .addColumn('publish_until', 'text')
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addPrimaryKeyConstraint('announcement_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('announcement_activity_fk', ['community_id', 'activity_id'], 'activity', [
      'community_id',
      'id',
    ])
    .execute();
  // The channels read a community's published announcements.
  await db.schema
    .createIndex('announcement_status_ix')
    .on('announcement')
    .columns(['community_id', 'status', 'published_at'])
    .execute();

  await db.schema
    .createTable('short_link')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('announcement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('short_link_pk', ['community_id', 'code'])
    .addForeignKeyConstraint('short_link_announcement_fk', ['community_id', 'announcement_id'], 'announcement', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('short_link_code_ix').on('short_link').column('code').execute();
  await db.schema
    .createIndex('short_link_announcement_uq')
    .unique()
    .on('short_link')
    .columns(['community_id', 'announcement_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('short_link').execute();
  await db.schema.dropTable('announcement').execute();
}
