// Tables of the badges area (issue 6), joined into Database in schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BadgesTables {}
