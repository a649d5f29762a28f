// /m/grid/survey 入户摸查: a grid leader (or staff) goes door to door: choose a household of the grid (from the
// to-do list of those not yet visited, special groups first, or from all), tick the kinds of help it needs, add a
// note, save. A visit with nothing ticked still counts as surveyed; each kind ticked can then become a need.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { BuildingSelect } from '../../../shared/phone-ui/BuildingSelect.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { can, useCurrentUser } from '../../../shared/session/useSession.ts';
import { SKILL_CATEGORIES } from '../../../../../domain/volunteers/skills.ts';
import {
  useBuildings,
  useHouseholds,
  useHouseholdSurvey,
  useRecordVisit,
  type HouseholdItem,
  type SkillCategory,
} from '../api.ts';
import { CategoryIcon } from './CategoryChoice.tsx';
import { SurveyTodoList } from './SurveyTodoList.tsx';
import { HouseholdButtons } from './HouseholdButtons.tsx';
import { FindingsToNeeds, type SavedVisit } from './FindingsToNeeds.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';

const PAGE = 30;

function HouseholdList({
  gridId,
  visited,
  onChoose,
}: {
  gridId: string | undefined;
  visited: ReadonlySet<string>;
  onChoose: (h: HouseholdItem) => void;
}) {
  const { t } = useTranslation();
  const [buildingId, setBuildingId] = useState('');
  const buildings = useBuildings(gridId);
  const list = useHouseholds({ gridId, buildingId: buildingId || undefined }, PAGE);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <>
      <BuildingSelect
        id="survey-building"
        label={t('surveyPhone.building')}
        allLabel={t('surveyPhone.allBuildings')}
        value={buildingId}
        onChange={setBuildingId}
        buildings={buildings.data}
        optionLabel={(b) => `${b.street} ${b.number}`}
      />
      <HouseholdButtons
        list={list}
        items={items}
        total={total}
        emptyText={t('surveyPhone.noHouseholds')}
        countText={t('surveyPhone.count', { count: total })}
        aside={(h) => visited.has(h.id) && <span>{t('surveyPhone.doneNow')}</span>}
        onChoose={onChoose}
      />
    </>
  );
}

function LastVisit({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const q = useHouseholdSurvey(householdId);
  if (!q.data) return null;
  const last = [...q.data].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn))[0];
  return (
    <p>
      {last
        ? t('surveyPhone.lastVisit', { date: last.visitedOn, name: last.visitorName })
        : t('surveyPhone.neverVisited')}
    </p>
  );
}

export default function SurveyVisitPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const record = useRecordVisit();
  const [household, setHousehold] = useState<HouseholdItem | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<SkillCategory>>(new Set());
  const [note, setNote] = useState('');
  const [visitedOn, setVisitedOn] = useState(todayInShanghai());
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [fromTodo, setFromTodo] = useState(true);
  const [members, setMembers] = useState<SavedVisit['residents']>([]);
  const [saved, setSaved] = useState<SavedVisit | null>(null);
  const back = { to: me.gridId ? '/m/grid' : '/m', label: t('common.back') };

  if (!can(me, 'needs.write')) {
    return (
      <>
        <PageTitle title={t('surveyPhone.title')} back={back} />
        <Card variant="note">
          <p>{t('surveyPhone.forbidden')}</p>
        </Card>
      </>
    );
  }

  const toggle = (c: SkillCategory) =>
    setTicked((s) => {
      const n = new Set(s);
      if (n.has(c)) n.delete(c);
      else n.add(c);
      return n;
    });
  const save = async () => {
    if (!household) return;
    try {
      const findings = SKILL_CATEGORIES.filter((c) => ticked.has(c)).map((category) => ({ category }));
      const { id } = await record.mutateAsync({
        householdId: household.id,
        visitedOn,
        needs: findings,
        note: note.trim() || undefined,
      });
      setSaved({ visitId: id, address: household.address, findings, residents: members });
      setNotice({ ok: true, text: t('surveyPhone.saved', { address: household.address }) });
      setVisited((v) => new Set(v).add(household.id));
      setHousehold(null);
      setTicked(new Set());
      setNote('');
    } catch (e) {
      setNotice({ ok: false, text: errorText(e, t) });
    } finally {
      window.scrollTo({ top: 0 });
    }
  };

  return (
    <>
      <PageTitle title={t('surveyPhone.title')} back={back} />
      <p className="ph-lead">{t('surveyPhone.lead')}</p>
      <NoticeBox notice={notice} />
      {saved && <FindingsToNeeds key={saved.visitId} visit={saved} />}
      <Card title={t('surveyPhone.stepHousehold')}>
        {household ? (
          <>
            <p>
              <strong>{t('surveyPhone.chosen', { address: household.address })}</strong>
            </p>
            <LastVisit householdId={household.id} />
            <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={() => setHousehold(null)}>
              {t('surveyPhone.change')}
            </button>
          </>
        ) : (
          <>
            <div role="group" style={{ display: 'flex', gap: '0.5em', marginBottom: '0.6em' }}>
              {([true, false] as const).map((todo) => (
                <button
                  key={String(todo)}
                  type="button"
                  aria-pressed={fromTodo === todo}
                  className={`ph-btn ${fromTodo === todo ? '' : 'ph-btn--secondary'}`}
                  style={{ flex: 1 }}
                  onClick={() => setFromTodo(todo)}
                >
                  {todo ? t('surveyTodoPhone.todo') : t('surveyTodoPhone.all')}
                </button>
              ))}
            </div>
            {fromTodo ? (
              <SurveyTodoList
                gridId={me.gridId ?? undefined}
                visited={visited}
                onChoose={(h) => {
                  setHousehold({
                    id: h.householdId,
                    address: h.address,
                    headName: h.headName,
                    memberCount: h.memberCount,
                  });
                  setMembers(h.residents);
                  setNotice(null);
                }}
              />
            ) : (
              <HouseholdList
                gridId={me.gridId ?? undefined}
                visited={visited}
                onChoose={(h) => {
                  setHousehold(h);
                  setMembers([]);
                  setNotice(null);
                }}
              />
            )}
          </>
        )}
      </Card>
      {household && (
        <Card title={t('surveyPhone.stepNeeds')}>
          <div role="group" aria-label={t('surveyPhone.stepNeeds')}>
            {SKILL_CATEGORIES.map((c) => (
              <label
                key={c}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: '0.6em',
                  minHeight: 'var(--ph-tap)',
                  borderBottom: '1px solid var(--ph-line)',
                }}
              >
                <input
                  type="checkbox"
                  checked={ticked.has(c)}
                  onChange={() => toggle(c)}
                  style={{ width: '1.5em', height: '1.5em', flex: 'none' }}
                />
                <CategoryIcon category={c} />
                <span>
                  <strong>{t(`needsPhone.cat.${c}`)}</strong>
                  <br />
                  {t(`needsPhone.catHint.${c}`)}
                </span>
              </label>
            ))}
          </div>
          <div className="ph-field" style={{ marginTop: '1em' }}>
            <label className="ph-field__label" htmlFor="survey-note">
              {t('surveyPhone.note')}
            </label>
            <span className="ph-field__hint" id="survey-note-hint">
              {t('surveyPhone.noteHint')}
            </span>
            <textarea
              id="survey-note"
              className="ph-input"
              rows={3}
              maxLength={500}
              aria-describedby="survey-note-hint"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="ph-field">
            <label className="ph-field__label" htmlFor="survey-date">
              {t('surveyPhone.visitedOn')}
            </label>
            <input
              id="survey-date"
              type="date"
              className="ph-input"
              max={todayInShanghai()}
              value={visitedOn}
              onChange={(e) => setVisitedOn(e.target.value || todayInShanghai())}
            />
          </div>
          <button
            type="button"
            className="ph-btn ph-btn--block"
            disabled={record.isPending}
            onClick={() => void save()}
          >
            {t('surveyPhone.save')}
          </button>
        </Card>
      )}
    </>
  );
}
