// Home care tasks, hospital accompaniment (stays and their shifts) and holiday delivery runs.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('homecare_task')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_time', 'text')
    .addColumn('volunteer_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('repeat_days', 'integer')
    .addColumn('minutes', 'integer')
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text')
    .addColumn('hours_entry_id', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('homecare_task_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('homecare_task_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('homecare_task_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('homecare_task_status_ix')
    .on('homecare_task')
    .columns(['community_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('homecare_task_volunteer_ix')
    .on('homecare_task')
    .columns(['community_id', 'volunteer_id'])
    .execute();
  await db.schema
    .createIndex('homecare_task_resident_ix')
    .on('homecare_task')
    .columns(['community_id', 'resident_id'])
    .execute();

  await db.schema
    .createTable('hospital_stay')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('hospital', 'text', (c) => c.notNull())
    .addColumn('ward', 'text')
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('expected_discharge_on', 'text', (c) => c.notNull())
    .addColumn('discharged_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hospital_stay_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('hospital_stay_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('hospital_shift')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('stay_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('note', 'text')
    .addColumn('hours_entry_id', 'text')
    .addPrimaryKeyConstraint('hospital_shift_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('hospital_shift_stay_fk', ['community_id', 'stay_id'], 'hospital_stay', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('hospital_shift_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // Generating the rota twice never makes a second shift at the same hour.
  await db.schema
    .createIndex('hospital_shift_slot_ux')
    .on('hospital_shift')
    .columns(['community_id', 'stay_id', 'starts_at'])
    .unique()
    .execute();
  await db.schema
    .createIndex('hospital_shift_open_ix')
    .on('hospital_shift')
    .columns(['community_id', 'status', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('hospital_shift_volunteer_ix')
    .on('hospital_shift')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  await db.schema
    .createTable('delivery_run')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('festival', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('last_notice_on', 'text')
    .addPrimaryKeyConstraint('delivery_run_pk', ['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('delivery_run_status_ix')
    .on('delivery_run')
    .columns(['community_id', 'status', 'run_date'])
    .execute();

  await db.schema
    .createTable('delivery_recipient')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('building', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_by_name', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('note', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('added_reason', 'text')
    .addPrimaryKeyConstraint('delivery_recipient_pk', ['community_id', 'run_id', 'resident_id'])
    .addForeignKeyConstraint('delivery_recipient_run_fk', ['community_id', 'run_id'], 'delivery_run', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('delivery_recipient_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('delivery_recipient_building_ix')
    .on('delivery_recipient')
    .columns(['community_id', 'run_id', 'building'])
    .execute();

  await db.schema
    .createTable('delivery_assignment')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('building', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_assignment_pk', ['community_id', 'run_id', 'building', 'volunteer_id'])
    .addForeignKeyConstraint('delivery_assignment_run_fk', ['community_id', 'run_id'], 'delivery_run', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('delivery_assignment_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('delivery_assignment_volunteer_ix')
    .on('delivery_assignment')
    .columns(['community_id', 'volunteer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'delivery_assignment',
    'delivery_recipient',
    'delivery_run',
    'hospital_shift',
    'hospital_stay',
    'homecare_task',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
