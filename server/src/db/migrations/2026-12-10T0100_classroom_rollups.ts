// The classroom's figures asked for the distinct (year, child) pairs and the days held over every check-in of the
// years back on each request (issue 17: 50,000 check-ins a community; 1–2 s p99 at 10 connections). Two set rollups
// of the check-ins, kept by ClassroomService in the check-in's transaction and backfilled here from the attendance
// (see modules/classroom/classroom.rollup.ts); and the tutors present per session read from an index alone.
import type { Kysely } from 'kysely';
import { rebuildClassroomRollups } from '../../modules/classroom/classroom.rollup.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classroom_child_year')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_child_year_pk', ['community_id', 'year', 'child_id'])
    .addForeignKeyConstraint('classroom_child_year_child_fk', ['community_id', 'child_id'], 'classroom_child', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('classroom_day_held')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_day_held_pk', ['community_id', 'date'])
    .execute();
  // Tutors present per session, counted from the index alone (the rota's rows of every session of the years back).
  await db.schema
    .createIndex('classroom_rota_present_ix')
    .on('classroom_rota')
    .columns(['community_id', 'present', 'session_id'])
    .execute();
  await rebuildClassroomRollups(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('classroom_rota_present_ix').execute();
  await db.schema.dropTable('classroom_day_held').execute();
  await db.schema.dropTable('classroom_child_year').execute();
}
