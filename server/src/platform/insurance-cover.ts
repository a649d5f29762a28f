// Shared by the insurance lists and the daily expiry notices (training): whether a volunteer's expiring
// cover is already followed by another policy, so neither warns about someone who stays insured.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema/index.ts';

type WithC = Database & { c: Database['insurance_cover'] };

/**
 * For `.where(...)` on a query over covers aliased `c`: true unless the same volunteer has a cover whose policy
 * runs past `until` (starting on or before it).
 */
export function noCoverRunsOn(until: string) {
  return ({ not, exists, selectFrom }: ExpressionBuilder<WithC, 'c'>) =>
    not(
      exists(
        selectFrom('insurance_cover as c2')
          .innerJoin('insurance_policy as p2', (j) =>
            j.onRef('p2.community_id', '=', 'c2.community_id').onRef('p2.id', '=', 'c2.policy_id'),
          )
          .select('c2.policy_id')
          .whereRef('c2.community_id', '=', 'c.community_id')
          .whereRef('c2.volunteer_id', '=', 'c.volunteer_id')
          .where('p2.ends_on', '>', until)
          .where('p2.starts_on', '<=', until),
      ),
    );
}
