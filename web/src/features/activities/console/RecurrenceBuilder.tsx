// The repeat rule of a series in words: every N weeks on chosen weekdays, or every N months on chosen days and/or
// the last one to three days; the rule reads back as a sentence (每周二、周五; 每月最后三天). Makes the RRULE the
// server accepts (domain/activities/recurrence-words.ts), so no one types RRULE.
import { Checkbox, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../../../domain/pairings/recurrence.ts';
import {
  describeRule,
  emptyDraft,
  ruleOfDraft,
  type RuleDraft,
} from '../../../../../domain/activities/recurrence-words.ts';

export function RecurrenceBuilder({ value, onChange }: { value?: RuleDraft; onChange?: (v: RuleDraft) => void }) {
  const { t, i18n } = useTranslation();
  const d = value ?? emptyDraft();
  const set = (p: Partial<RuleDraft>) => onChange?.({ ...d, ...p });
  const rule = ruleOfDraft(d);
  const words = rule && describeRule(rule, i18n.language === 'en' ? 'en' : 'zh');
  return (
    <div role="group" aria-label={t('act.f.rule')}>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Radio.Group
          aria-label={t('act.rec.freq')}
          value={d.freq}
          onChange={(e) => set({ freq: e.target.value as RuleDraft['freq'] })}
          options={[
            { value: 'WEEKLY', label: t('act.rec.weekly') },
            { value: 'MONTHLY', label: t('act.rec.monthly') },
          ]}
          optionType="button"
        />
        <span>{t('act.rec.every')}</span>
        <InputNumber
          aria-label={d.freq === 'WEEKLY' ? t('act.rec.weeks') : t('act.rec.months')}
          min={1}
          max={12}
          value={d.interval}
          onChange={(v) => set({ interval: Number(v) || 1 })}
          style={{ width: 70 }}
        />
        <span>{d.freq === 'WEEKLY' ? t('act.rec.weeks') : t('act.rec.months')}</span>
      </Space>
      {d.freq === 'WEEKLY' ? (
        <div>
          <Checkbox.Group
            aria-label={t('act.rec.days')}
            value={d.byDay}
            onChange={(v) => set({ byDay: v as RuleDraft['byDay'] })}
            options={WEEKDAYS.map((w) => ({ value: w, label: t(`act.weekdays.${w}`) }))}
          />
        </div>
      ) : (
        <Space wrap>
          <Select
            aria-label={t('act.rec.monthDays')}
            placeholder={t('act.rec.monthDays')}
            mode="multiple"
            style={{ minWidth: 240 }}
            value={d.monthDays}
            onChange={(v: number[]) => set({ monthDays: v })}
            options={Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: t('act.rec.day', { n: i + 1 }) }))}
          />
          <Select
            aria-label={t('act.rec.lastDays')}
            style={{ width: 180 }}
            value={d.lastDays}
            onChange={(v: number) => set({ lastDays: v })}
            options={[0, 1, 2, 3].map((n) => ({ value: n, label: t(`act.rec.last${n as 0 | 1 | 2 | 3}`) }))}
          />
        </Space>
      )}
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="rule-words">
        {words ? t('act.rec.says', { words }) : <Typography.Text type="secondary">{t('act.rec.pick')}</Typography.Text>}
      </Typography.Paragraph>
    </div>
  );
}
