// The next steps a need may take from where it is (NEED_TRANSITIONS, the same table the server checks):
// cancel and decline ask why, scheduling asks when, a done need takes the follow-up rating. Matching is
// not here: it goes through the ranked candidates.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Popconfirm, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { NEED_TRANSITIONS, NEEDS_REASON } from '../../../../../domain/needs/needs.ts';
import { useMoveNeed, useReviewNeed, type Need, type NeedStatus } from '../api.ts';

type Asking = { kind: 'reason'; to: NeedStatus } | { kind: 'time' } | { kind: 'review' } | null;

export function NeedMoves({ need }: { need: Need }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<Asking>(null);
  const move = useMoveNeed(need.id);
  const review = useReviewNeed(need.id);
  const label = (to: NeedStatus) =>
    to === 'reviewed'
      ? t('needs.detail.review')
      : t(`needs.detail.to_${to as Exclude<NeedStatus, 'matched' | 'reviewed'>}`);
  const targets = NEED_TRANSITIONS[need.status].filter((to) => to !== 'matched');

  const moveNow = async (to: NeedStatus) => {
    try {
      await move.mutateAsync({ to });
      void message.success(t('needs.detail.moved'));
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };

  if (targets.length === 0) return <p>{t('needs.detail.noMoves')}</p>;
  return (
    <>
      <Space wrap>
        {targets.map((to) => {
          if (to === 'reviewed')
            return (
              <Button key={to} type="primary" onClick={() => setAsking({ kind: 'review' })}>
                {label(to)}
              </Button>
            );
          if (to === 'scheduled')
            return (
              <Button key={to} onClick={() => setAsking({ kind: 'time' })}>
                {label(to)}
              </Button>
            );
          if (NEEDS_REASON.has(to))
            return (
              <Button key={to} danger onClick={() => setAsking({ kind: 'reason', to })}>
                {label(to)}
              </Button>
            );
          return (
            <Popconfirm
              key={to}
              title={t('needs.detail.confirmMove', { action: label(to) })}
              okText={t('needs.detail.ok')}
              cancelText={t('needs.detail.cancel')}
              onConfirm={() => moveNow(to)}
            >
              <Button type={to === 'new' ? 'default' : 'primary'}>{label(to)}</Button>
            </Popconfirm>
          );
        })}
      </Space>
      <FormModal
        open={asking?.kind === 'reason'}
        title={asking?.kind === 'reason' ? label(asking.to) : ''}
        onClose={() => setAsking(null)}
        fields={['reason']}
        successText={t('needs.detail.moved')}
        onSubmit={async (v) => {
          if (asking?.kind === 'reason') await move.mutateAsync({ to: asking.to, reason: String(v.reason).trim() });
        }}
      >
        <Form.Item name="reason" label={t('needs.detail.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={asking?.kind === 'time'}
        title={label('scheduled')}
        onClose={() => setAsking(null)}
        fields={['scheduledFor']}
        successText={t('needs.detail.moved')}
        onSubmit={(v) =>
          move.mutateAsync({ to: 'scheduled', scheduledFor: (v.scheduledFor as Dayjs).format('YYYY-MM-DDTHH:mm') })
        }
      >
        <Form.Item name="scheduledFor" label={t('needs.detail.when')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </FormModal>
      <FormModal
        open={asking?.kind === 'review'}
        title={t('needs.detail.reviewTitle')}
        onClose={() => setAsking(null)}
        fields={['stars', 'comment']}
        successText={t('needs.detail.reviewed')}
        onSubmit={(v) =>
          review.mutateAsync({ stars: Number(v.stars), comment: v.comment ? String(v.comment).trim() : undefined })
        }
      >
        <Form.Item name="stars" label={t('needs.detail.stars')} rules={[{ required: true }]}>
          <Radio.Group
            name="stars"
            optionType="button"
            options={[1, 2, 3, 4, 5].map((n) => ({
              value: n,
              label: `${'★'.repeat(n)} ${t('needs.detail.starN', { n })}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('needs.detail.comment')}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
