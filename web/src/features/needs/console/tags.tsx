// A need's status and urgency as tags: the word always carries the meaning, the colour only helps. Only the
// status colours, which the console theme keeps at 4.5:1 contrast.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedAnswer, NeedStatus, NeedUrgency } from '../api.ts';
import { useNeedText } from './useNeedText.ts';

const STATUS_COLOR: Record<NeedStatus, string> = {
  new: 'warning',
  matched: 'processing',
  scheduled: 'processing',
  in_progress: 'processing',
  done: 'success',
  reviewed: 'success',
  cancelled: 'default',
  declined: 'default',
};

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{useNeedText().status(status)}</Tag>;
}

export function UrgencyTag({ urgency }: { urgency: NeedUrgency }) {
  const label = useNeedText().urgency(urgency);
  if (urgency === 'normal') return <span>{label}</span>;
  return (
    <Tag color={urgency === 'emergency' ? 'error' : 'warning'}>
      {urgency === 'emergency' ? '‼ ' : '! '}
      {label}
    </Tag>
  );
}

/** The matched volunteer's answer: waiting, accepted, or (last time) declined. Nothing when there is none. */
export function AnswerTag({ answer }: { answer: NeedAnswer | null }) {
  const { t } = useTranslation();
  if (!answer) return null;
  const color = answer === 'accepted' ? 'success' : answer === 'declined' ? 'error' : 'default';
  return <Tag color={color}>{t(`needs.answer.${answer}`)}</Tag>;
}
