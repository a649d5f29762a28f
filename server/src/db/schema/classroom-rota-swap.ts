// Swaps of 4:30 classroom rota days: a tutor offers their day, another volunteer takes it. Times are ISO-8601 UTC.

export interface ClassroomRotaSwapTable {
  community_id: string;
  id: string;
  session_id: string;
  offered_by: string; // volunteer id
  status: string; // open | taken | withdrawn
  note: string | null;
  created_at: string;
  taken_by: string | null; // volunteer id
  closed_at: string | null;
}

export interface ClassroomRotaSwapTables {
  classroom_rota_swap: ClassroomRotaSwapTable;
}
