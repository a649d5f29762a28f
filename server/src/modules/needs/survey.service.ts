// The household survey's to-do list and its findings. A grid leader sees the households of their grid the survey
// has not reached this round, those with someone in a special group first; staff see any grid. A finding noted on
// a visit becomes a need in one tap, prefilled from the visit, through the needs service's own intake (channel
// 'survey'); tapping twice gives back the need already taken.
import type { Db } from '../../db/database.ts';
import { assertInScope, gridFilter, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { CATEGORY_LABELS, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import {
  SPECIAL_ROUND_DAYS,
  SURVEY_ROUND_DAYS,
  type FindingNeedInput,
  type SurveyFindingsQuery,
  type SurveyFindingsView,
  type SurveyTodoQuery,
  type SurveyTodoView,
} from '../../../../domain/needs/survey.ts';
import type { NeedsService } from './needs.service.ts';
import * as repo from './survey.repository.ts';

const addressOf = (h: { street: string; building_number: string; unit: string; room: string }) =>
  `${h.street}${h.building_number}${h.unit}单元${h.room}室`;

export class SurveyService {
  constructor(
    private readonly db: Db,
    private readonly needs: Pick<NeedsService, 'take'>,
  ) {}

  /** The grid a list covers: a grid leader's own (asking for another is refused), or the one staff chose. */
  private gridOf(actor: Actor, grant: Grant, asked: string | undefined): string | null {
    const own = gridFilter(actor, grant);
    if (own && asked && asked !== own) throw new AppError('out_of_scope', { scope: grant.scope });
    return own ?? asked ?? null;
  }

  private sinceOr(since: string | undefined) {
    return since ?? addDays(todayInShanghai(), -SURVEY_ROUND_DAYS);
  }

  async todo(actor: Actor, grant: Grant, q: SurveyTodoQuery): Promise<SurveyTodoView> {
    const gridId = this.gridOf(actor, grant, q.gridId);
    const since = this.sinceOr(q.since);
    const { total, rows } = await repo.unvisitedHouseholds(
      this.db,
      { communityId: actor.communityId, gridId },
      since,
      // The day's list: a special group's household is due again on its round. A date asked counts for all.
      q.since ?? addDays(todayInShanghai(), -SPECIAL_ROUND_DAYS),
      q.page,
      q.pageSize,
    );
    const members = await repo.membersOf(
      this.db,
      actor.communityId,
      rows.map((h) => h.id),
    );
    return {
      since,
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((h) => {
        const mine = members.filter((m) => m.household_id === h.id);
        return {
          householdId: h.id,
          gridId: h.grid_id,
          gridName: h.grid_name,
          address: addressOf(h),
          headName: mine.find((m) => m.relation_to_head === 'head')?.name ?? null,
          memberCount: mine.length,
          priority: Number(h.priority) === 1,
          lastVisitedOn: (h.last_visited_on as string | null) ?? null,
          residents: mine.map((m) => ({ id: m.id, name: m.name })),
        };
      }),
    };
  }

  async findings(actor: Actor, grant: Grant, q: SurveyFindingsQuery): Promise<SurveyFindingsView> {
    const gridId = this.gridOf(actor, grant, q.gridId);
    const since = this.sinceOr(q.since);
    const { total, rows } = await repo.findings(
      this.db,
      { communityId: actor.communityId, gridId },
      since,
      q.page,
      q.pageSize,
    );
    return {
      since,
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((f) => ({
        visitId: f.visit_id,
        householdId: f.household_id,
        gridId: f.grid_id,
        address: addressOf(f),
        visitedOn: f.visited_on,
        visitorName: f.visitor_name,
        category: f.category as SkillCategory,
        note: f.note,
        needId: (f.need_id as string | null) ?? null,
      })),
    };
  }

  /**
   * A finding of a visit becomes a need: for the resident chosen (by default the household's head), in the
   * finding's category, described by the finding's note (or the visit's), channel 'survey'. The category must be
   * one the visit noted. If a need was already taken from this finding, that one is given back.
   */
  async findingToNeed(
    actor: Actor,
    grant: Grant,
    visitId: string,
    input: FindingNeedInput,
    ctx: RequestContext,
  ): Promise<{ id: string; created: boolean }> {
    const visit = await repo.visitOf(this.db, actor.communityId, visitId);
    if (!visit) throw new AppError('not_found', { entity: 'survey_visit' });
    assertInScope(actor, grant, { gridId: visit.grid_id });
    const finding = (await repo.findingsOf(this.db, actor.communityId, visit.id)).find(
      (f) => f.category === input.category,
    );
    if (!finding) throw new AppError('validation', { fields: [{ field: 'category', message: 'invalid.notAFinding' }] });
    const members = await repo.membersOf(this.db, actor.communityId, [visit.household_id]);
    const resident = input.residentId ? members.find((m) => m.id === input.residentId) : members[0];
    if (!resident)
      throw new AppError('validation', { fields: [{ field: 'residentId', message: 'invalid.notInHousehold' }] });
    const taken = await repo.needFromFinding(this.db, actor.communityId, {
      householdId: visit.household_id,
      category: input.category,
      recordedAt: visit.created_at,
    });
    if (taken) return { id: taken.id, created: false };
    const words = input.description || finding.note || visit.note || '';
    const label = CATEGORY_LABELS[input.category].zh;
    const description = `入户走访（${visit.visited_on}）发现：${words || label}`.slice(0, 500);
    const { id } = await this.needs.take(
      actor,
      grant,
      { residentId: resident.id, channel: 'survey', category: input.category, description, urgency: input.urgency },
      ctx,
    );
    return { id, created: true };
  }
}
