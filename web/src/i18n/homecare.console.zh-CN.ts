// Console strings of the homecare area (issue 6).
export const homecareConsoleZhCN = {};
