// Tables of the classroom area (issue 6), joined into Database in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClassroomTables {}
