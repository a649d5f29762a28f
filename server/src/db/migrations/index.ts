// Every migration, by name. A static list (not a folder scan) so the bundled server carries them.
// Add a new migration here; names sort by date.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T1200_foundation.ts';
import * as volunteers from './2026-11-28T1400_volunteers.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-28T1200_foundation': foundation,
  '2026-11-28T1400_volunteers': volunteers,
};
