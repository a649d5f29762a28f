// /m/tasks, 我的任务: everything given to the volunteer in one list — requests matched to them (waiting for an
// answer first), pairing visits, home-care tasks, hospital shifts, 4:30 rota days and activity shifts — each
// leading to the page where it is done. Plain HTML on phone.css: large text, full-width tap targets.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { useMyTasks, type MyTaskItem } from '../api.ts';

function whenOf(x: MyTaskItem, anyTime: string) {
  if (!x.date) return anyTime;
  return x.time ? `${x.date} ${x.time}` : x.date;
}

export default function MyTasksPage() {
  const { t, i18n } = useTranslation();
  const q = useMyTasks();
  // A home-care task's detail is its kind (bathing, haircut…): shown in words, as the home-care page says it.
  const detailText = (x: MyTaskItem) =>
    x.kind === 'homecare_task' && x.detail && i18n.exists(`homecare.phone.kind.${x.detail}`)
      ? (t as (k: string) => string)(`homecare.phone.kind.${x.detail}`)
      : x.detail;
  const statusText = (x: MyTaskItem) =>
    i18n.exists(`tasksPhone.status.${x.status}`)
      ? (t as (k: string) => string)(`tasksPhone.status.${x.status}`)
      : x.status;
  return (
    <>
      <PageTitle title={t('tasksPhone.title')} back={{ to: '/m', label: t('common.back') }} />
      <p className="ph-lead">{t('tasksPhone.lead')}</p>
      <Card>
        {q.isPending && <Loading />}
        {q.isError && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
        {q.isSuccess && q.data.length === 0 && <EmptyState>{t('tasksPhone.none')}</EmptyState>}
        {q.isSuccess && q.data.length > 0 && (
          <ul className="ph-list" aria-label={t('tasksPhone.title')}>
            {q.data.map((x) => (
              <li key={`${x.kind}-${x.id}`}>
                <Link className="ph-list__link" to={x.to}>
                  <span className="ph-list__main">
                    <span className="ph-list__title">
                      {t(`tasksPhone.kind.${x.kind}`)} · {x.title}
                    </span>
                    {x.detail && <span className="ph-list__sub">{detailText(x)}</span>}
                    <span className="ph-list__sub">
                      {whenOf(x, t('tasksPhone.anyTime'))} ·{' '}
                      {x.waiting ? <strong>{t('tasksPhone.waiting')}</strong> : statusText(x)}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
