// Server messages of the badges area (issue 6), merged into the tables in ../i18n.ts. Keys are error codes and validation keys.
export const zh: Record<string, string> = {
};

export const en: Record<string, string> = {
};
