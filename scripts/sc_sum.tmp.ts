import { check, communityScopedTables, readRecording } from './community-filter.ts';
const r = check(readRecording(process.argv[2]!), await communityScopedTables(), []);
const g = new Map<string, number>();
for (const u of r.unfiltered) for (const o of u.origins) { const k = o.replace(/:\d+ /, ' ') + ' | ' + u.tables.join(','); g.set(k, (g.get(k) ?? 0) + 1); }
for (const [k, n] of [...g].sort()) console.log(n, k);
console.log(r.checked, r.unfiltered.length);
