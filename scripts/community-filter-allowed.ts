// Statements that touch community-scoped tables without pinning them to one community, on purpose. Each is a
// city-wide read or a sweep over every community; scripts/community-filter.ts fails on any other. An entry
// matches when every place the statement is built from is in `file` (and function `fn`, if given) and every
// unpinned table is among `tables`.
export interface Allowed {
  /** Path of the source file, from the repository root. */
  file: string;
  /** The function (as the stack names it), when only one function of the file is meant. */
  fn?: string;
  tables: string[];
  why: string;
}

export const ALLOWED: Allowed[] = [];
