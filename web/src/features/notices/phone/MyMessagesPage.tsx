// /m/messages (我的消息): the messages the community sent me, newest first, in large plain text. A new one is marked
// 新消息 until I press 我知道了 (or 全部标为已读); the home tile counts those I have not read.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { messageText } from '../../../shared/messages/messageText.ts';
import { useMarkRead, useMyMessages, type MyMessages } from '../api.ts';

type Message = MyMessages['items'][number];

function MessageCard({ m, onRead, busy }: { m: Message; onRead: (id: string) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const text = messageText(m.template, m.payload, i18n.language);
  const marks = [!m.read && t('noticesPhone.unread'), text.urgent && t('noticesPhone.urgent')].filter(Boolean);
  return (
    <li className="ph-card" aria-label={text.title}>
      <h2 className="ph-card__title">
        {marks.length > 0 && (
          <span className="ph-tags" style={{ marginRight: '0.4em' }}>
            {marks.map((x) => (
              <span key={String(x)} className="ph-tag">
                {x}
              </span>
            ))}
          </span>
        )}
        {text.title}
      </h2>
      <div className="ph-card__body">
        {text.body && <p style={{ whiteSpace: 'pre-line', fontSize: '1.1em', lineHeight: 1.6 }}>{text.body}</p>}
        <p className="ph-list__sub">
          {formatDateTime(m.at, i18n.language)}
          {text.from ? ` · ${t('noticesPhone.from', { from: text.from })}` : ''}
        </p>
      </div>
      {!m.read && (
        <div className="ph-actions">
          <button type="button" className="ph-btn ph-btn--secondary" disabled={busy} onClick={() => onRead(m.id)}>
            {t('noticesPhone.gotIt')}
          </button>
        </div>
      )}
    </li>
  );
}

export default function MyMessagesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useMyMessages(page);
  const mark = useMarkRead();
  const back = { to: '/m', label: t('common.back') };
  const title = <PageTitle title={t('noticesPhone.title')} back={back} />;

  if (q.isPending)
    return (
      <>
        {title}
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        {title}
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  const { items, unread, total, pageSize } = q.data;
  const unreadHere = items.filter((m) => !m.read).map((m) => m.id);
  return (
    <>
      {title}
      {items.length === 0 ? (
        <EmptyState>{t('noticesPhone.none')}</EmptyState>
      ) : (
        <>
          {unread > 0 && (
            <Card variant="note">
              <p role="status">{t('noticesPhone.unreadCount', { count: unread })}</p>
              {unreadHere.length > 0 && (
                <div className="ph-actions">
                  <button
                    type="button"
                    className="ph-btn ph-btn--secondary"
                    disabled={mark.isPending}
                    onClick={() => mark.mutate(unreadHere)}
                  >
                    {t('noticesPhone.allRead')}
                  </button>
                </div>
              )}
            </Card>
          )}
          {mark.isError && (
            <p role="alert" className="ph-alert ph-alert--error">
              {errorText(mark.error, t)}
            </p>
          )}
          <ul aria-label={t('noticesPhone.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((m) => (
              <MessageCard key={m.id} m={m} busy={mark.isPending} onRead={(id) => mark.mutate([id])} />
            ))}
          </ul>
          <div className="ph-actions">
            {page > 1 && (
              <button type="button" className="ph-btn ph-btn--secondary" onClick={() => setPage(page - 1)}>
                {t('noticesPhone.newer')}
              </button>
            )}
            {page * pageSize < total && (
              <button type="button" className="ph-btn ph-btn--secondary" onClick={() => setPage(page + 1)}>
                {t('noticesPhone.more')}
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}
