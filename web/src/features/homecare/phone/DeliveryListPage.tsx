// /m/homecare/runs/:id: the volunteer's delivery list, building by building, door by door (unit and room),
// names masked. Big 送达 and 不在家 buttons; 不在家 keeps the door on the list for another try.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { OUTCOMES, useConfirmDelivery, useMyRun, type Outcome, type RecipientView } from '../api.ts';

function Door({ runId, r, onOk }: { runId: string; r: RecipientView; onOk: (text: string) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmDelivery(runId, r.residentId);
  const send = (outcome: Outcome) =>
    confirm.mutate(outcome, { onSuccess: () => onOk(t(`homecare.phone.${outcome}Ok`, { name: r.name })) });
  const open = r.status === 'pending' || r.status === 'absent';
  const where = t('homecare.phone.door', { unit: r.unit, room: r.room });
  return (
    <li className="ph-entry">
      <strong>
        {where} · {r.name}
      </strong>
      <br />
      {t(`homecare.phone.status.${r.status}`)}
      {r.attempts > 0 ? ` · ${t('homecare.phone.tries', { n: r.attempts })}` : ''}
      {confirm.isError && <ErrorNotice error={confirm.error} />}
      {open && (
        <div className="ph-actions">
          {OUTCOMES.map((outcome) => (
            <button
              key={outcome}
              type="button"
              className={outcome === 'delivered' ? 'ph-btn ph-btn--block' : 'ph-btn ph-btn--secondary ph-btn--block'}
              disabled={confirm.isPending}
              onClick={() => send(outcome)}
            >
              {t(`homecare.phone.${outcome}`)}
              <span className="ph-sr-only">
                {' '}
                {where} {r.name}
              </span>
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

export default function DeliveryListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useMyRun(id);
  const [ok, setOk] = useState<string | null>(null);
  const back = { to: '/m/homecare', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('homecare.phone.listTitle')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    return (
      <>
        <PageTitle title={t('homecare.phone.listTitle')} back={back} />
        {isApiError(q.error) && q.error.code === 'not_found' ? (
          <EmptyState>{t('homecare.phone.noRuns')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  const run = q.data;
  return (
    <>
      <PageTitle title={run.title} back={back} />
      <p className="ph-lead">{t('homecare.phone.runLine', { date: run.runDate, items: run.items })}</p>
      <div aria-live="polite">
        {ok && (
          <div className="ph-alert ph-alert--ok" role="status">
            <span className="ph-alert__icon" aria-hidden="true">
              ✓
            </span>
            <div className="ph-alert__body">
              <p>{ok}</p>
            </div>
          </div>
        )}
      </div>
      <p>
        <strong>
          {run.outstanding.length
            ? t('homecare.phone.left', { n: run.outstanding.length })
            : t('homecare.phone.allDone')}
        </strong>
      </p>
      {run.buildings.map((b) => (
        <Card
          key={b.building}
          title={`${b.building} · ${t('homecare.phone.runProgress', {
            done: b.figures.delivered + b.figures.declined,
            total: b.figures.total,
          })}`}
        >
          <ul className="ph-list" aria-label={b.building}>
            {b.recipients
              .filter((r) => r.status !== 'removed')
              .map((r) => (
                <Door key={r.residentId} runId={run.id} r={r} onOk={setOk} />
              ))}
          </ul>
        </Card>
      ))}
    </>
  );
}
