// Console strings of the badges area (issue 6).
export const badgesConsoleZhCN = {};
