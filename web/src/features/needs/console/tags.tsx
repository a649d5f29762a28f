// A need's status and urgency as tags: the word always carries the meaning, the colour only helps. Only the
// status colours, which the console theme keeps at 4.5:1 contrast.
import { Tag } from 'antd';
import type { NeedStatus, NeedUrgency } from '../api.ts';
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
