// One need: what was asked, its next steps, the volunteers it could be matched to, and its history.
import { Card, Descriptions, Timeline } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../shared/console-ui/QueryState.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { useNeed, type NeedChannel, type NeedDetail, type NeedEvent } from '../api.ts';
import { useNeedText } from './useNeedText.ts';
import { AnswerTag, NeedStatusTag, UrgencyTag } from './tags.tsx';
import { NeedMoves } from './NeedMoves.tsx';
import { CandidatesCard } from './CandidatesCard.tsx';

function Facts({ n }: { n: NeedDetail }) {
  const { t, i18n } = useTranslation();
  const text = useNeedText();
  const when = [n.preferredDate, n.preferredStart && n.preferredEnd ? `${n.preferredStart}–${n.preferredEnd}` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Card>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'resident', label: t('needs.f.resident'), children: n.residentName ?? '—' },
          { key: 'status', label: t('needs.f.status'), children: <NeedStatusTag status={n.status} /> },
          {
            key: 'category',
            label: t('needs.f.category'),
            children: text.category(n.category) + (n.skillCode ? ` · ${text.skill(n.skillCode)}` : ''),
          },
          { key: 'urgency', label: t('needs.f.urgency'), children: <UrgencyTag urgency={n.urgency} /> },
          { key: 'description', label: t('needs.f.description'), span: 2, children: n.description },
          { key: 'preferred', label: t('needs.f.preferred'), children: when || '—' },
          { key: 'place', label: t('needs.f.place'), children: n.place ?? '—' },
          { key: 'channel', label: t('needs.f.channel'), children: text.channel(n.channel) },
          {
            key: 'created',
            label: t('needs.f.createdAt'),
            children:
              `${formatDateTime(n.createdAt, i18n.language)}` +
              `（${t('needs.f.waiting')} ${text.waiting(n.createdAt, n.matchedAt ?? n.closedAt)}）`,
          },
          {
            key: 'volunteer',
            label: t('needs.f.volunteer'),
            children: (
              <>
                <span>{n.volunteerName ?? '—'}</span> <AnswerTag answer={n.answer} />
              </>
            ),
          },
          ...(n.answer === 'declined' && n.declineReason
            ? [{ key: 'declined', label: t('needs.f.declineReason'), children: n.declineReason }]
            : []),
          ...(n.minutes !== null ? [{ key: 'minutes', label: t('needs.f.minutes'), children: n.minutes }] : []),
          ...(n.scheduledFor
            ? [{ key: 'scheduled', label: t('needs.f.scheduledFor'), children: n.scheduledFor.replace('T', ' ') }]
            : []),
          ...(n.closeReason ? [{ key: 'reason', label: t('needs.f.closeReason'), children: n.closeReason }] : []),
          ...(n.rating !== null
            ? [
                {
                  key: 'rating',
                  label: t('needs.f.rating'),
                  children:
                    `${'★'.repeat(n.rating)} ${t('needs.detail.starN', { n: n.rating })}` +
                    (n.ratingComment ? `：${n.ratingComment}` : ''),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function History({ events }: { events: NeedEvent[] }) {
  const { t, i18n } = useTranslation();
  const text = useNeedText();
  const what = (e: NeedEvent) =>
    e.from === null
      ? t('needs.detail.created', { channel: e.note ? text.channel(e.note as NeedChannel) : '' })
      : t('needs.detail.moveTo', { from: text.status(e.from), to: text.status(e.to) }) + (e.note ? `：${e.note}` : '');
  return (
    <Card title={t('needs.detail.history')}>
      <Timeline
        items={events.map((e, i) => ({
          key: i,
          children: `${formatDateTime(e.at, i18n.language)} · ${e.actorName} · ${what(e)}`,
        }))}
      />
    </Card>
  );
}

export default function NeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useNeed(id);
  const text = useNeedText();
  const canWrite = useCan('needs.write');
  const canMatch = useCan('needs.match');
  const title = q.data ? `${q.data.residentName ?? ''} · ${text.category(q.data.category)}` : t('needs.detail.title');
  return (
    <ConsolePage
      title={title}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('needs.board.title'), to: '/console/needs' },
        { title: t('needs.detail.title') },
      ]}
    >
      <QueryState query={q}>
        {(n) => (
          <>
            <Facts n={n} />
            {canWrite && (
              <Card title={t('needs.detail.moves')}>
                <NeedMoves need={n} />
              </Card>
            )}
            {canMatch && n.status === 'new' && <CandidatesCard needId={n.id} />}
            <History events={n.events} />
          </>
        )}
      </QueryState>
    </ConsolePage>
  );
}
