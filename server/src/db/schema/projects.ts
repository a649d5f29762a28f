// Tables of projects and selections (issue 15, "the rest of the case study"). Money in whole fen; booleans 0/1.

export interface ProjectTable {
  community_id: string;
  id: string;
  name: string;
  goal: string;
  /** JSON: [{ metric, group, target }] (domain/projects/schemas.ts). */
  targets: string;
  budget_fen: number;
  starts_on: string;
  ends_on: string;
  lead_name: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectLinkTable {
  community_id: string;
  project_id: string;
  kind: string;
  target_id: string;
  created_at: string;
}

export interface ProjectSpendingTable {
  community_id: string;
  id: string;
  project_id: string;
  spent_on: string;
  item: string;
  amount_fen: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SelectionTable {
  community_id: string;
  id: string;
  kind: string;
  title: string;
  nominate_from: string;
  nominate_to: string;
  vote_from: string;
  vote_to: string;
  places: number;
  status: string;
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
  published_at: string | null;
}

export interface SelectionNomineeTable {
  community_id: string;
  id: string;
  selection_id: string;
  name: string;
  resident_id: string | null;
  reason: string;
  minor: number;
  guardian_name: string | null;
  guardian_consent_on: string | null;
  guardian_recorded_by: string | null;
  nominated_by: string | null;
  nominated_via: string;
  status: string;
  votes: number;
  rank: number | null;
  honoured: number;
  created_at: string;
}

export interface SelectionVoteTable {
  community_id: string;
  selection_id: string;
  account_id: string;
  nominee_id: string;
  created_at: string;
}

export interface ProjectsTables {
  project: ProjectTable;
  project_link: ProjectLinkTable;
  project_spending: ProjectSpendingTable;
  selection: SelectionTable;
  selection_nominee: SelectionNomineeTable;
  selection_vote: SelectionVoteTable;
}
