// Care reach, simulated (issue 13): a year of the demo community under one policy, and how far care reached its
// special-group residents. The last line is `max silence D days; Gini G; never contacted K; contacts C`.
//
//   npm run simulate:care -- --policy linli|first-come [--seed N]
//     --alert-days N         the left-out alert's threshold (config leftOutAlertDays; default 13)
//     --alert-groups G       all (every special group, the product) or vulnerable (four groups, as before)
//     --forget P             chance a grid leader skips a planned round visit (default 0.15)
//     --round-days A-B       days between a grid leader's round visits to a household (default 4-13, the demo's)
//     --no-survey-todo       a skipped round visit waits for the next round (the survey's to-do as before)
//     --as-before            the product before the simulation changed it: --alert-groups vulnerable
//                            --alert-days 14 --no-survey-todo
//     --no-classroom         leave the 4:30 classroom's sessions out of the contacts
//     --community-seed N     the demo community's seed (default 20180913, the server's demo)
//     --start YYYY-MM-DD     first day simulated (default 2026-09-01; a 60-day warm-up, then the measured year)
//     --json                 print the whole result as JSON before the last line
import { parseArgs } from 'node:util';
import { isRealDate } from '../domain/shared/dates.ts';
import { buildWorld, DEFAULT_START, DEMO_SEED } from './care-sim/world.ts';
import { DEFAULT_OPTIONS, lastLine, POLICIES, BEFORE_OPTIONS, simulate, type Policy } from './care-sim/simulate.ts';

const { values } = parseArgs({
  options: {
    policy: { type: 'string', default: 'linli' },
    seed: { type: 'string', default: '1' },
    'alert-days': { type: 'string' },
    'alert-groups': { type: 'string' },
    forget: { type: 'string' },
    'round-days': { type: 'string' },
    'no-survey-todo': { type: 'boolean', default: false },
    'as-before': { type: 'boolean', default: false },
    'no-classroom': { type: 'boolean', default: false },
    'community-seed': { type: 'string', default: String(DEMO_SEED) },
    start: { type: 'string', default: DEFAULT_START },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
const int = (s: string, what: string) => (/^\d+$/.test(s) ? Number(s) : fail(`${what} must be a whole number`));
const policy = values.policy as Policy;
if (!POLICIES.includes(policy)) fail(`--policy must be one of ${POLICIES.join(', ')}`);
if (!isRealDate(values.start)) fail('--start must be a date YYYY-MM-DD');
const base = values['as-before'] ? BEFORE_OPTIONS : DEFAULT_OPTIONS;
const alertGroups = values['alert-groups'] ?? base.alertGroups;
if (alertGroups !== 'vulnerable' && alertGroups !== 'all') fail('--alert-groups must be vulnerable or all');
const forget = values.forget === undefined ? DEFAULT_OPTIONS.forget : Number(values.forget);
if (!(forget >= 0 && forget <= 1)) fail('--forget must be between 0 and 1');

const roundDays = ((): readonly [number, number] => {
  if (values['round-days'] === undefined) return base.roundDays;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(values['round-days']);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) fail('--round-days must be A-B, 1 ≤ A ≤ B, e.g. 4-13');
  return [Number(m[1]), Number(m[2])];
})();
const seed = int(values.seed, '--seed');
const world = buildWorld({
  communitySeed: int(values['community-seed'], '--community-seed'),
  start: values.start,
  warmupDays: DEFAULT_OPTIONS.warmupDays,
  seed,
});
const result = simulate(world, {
  policy,
  seed,
  forget,
  alertGroups,
  alertDays: values['alert-days'] === undefined ? base.alertDays : int(values['alert-days'], '--alert-days'),
  roundDays,
  surveyTodo: !values['no-survey-todo'] && base.surveyTodo,
  classroom: !values['no-classroom'],
});
if (values.json) console.log(JSON.stringify(result, null, 2));
else
  console.log(
    `${policy}, seed ${seed}: ${result.residents} special-group residents; ` +
      `${result.silentOver14} silent over 14 days; ` +
      `needs ${result.needs.met}/${result.needs.arrived} met (mean wait ${result.needs.meanWaitDays.toFixed(1)} d); ` +
      `alerts ${result.alerts}, pairings renewed ${result.repaired}; by kind ${JSON.stringify(result.byKind)}; ` +
      `longest silence by group ${JSON.stringify(result.maxSilenceByGroup)}`,
  );
console.log(lastLine(result));
