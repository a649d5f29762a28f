// /m/grid: a grid leader's grid — its numbers, a resident search, and the way to its households.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, ErrorNotice, LinkList, Loading, PageTitle, Stats } from '../../../shared/phone-ui/parts.tsx';
import { can, useCurrentUser } from '../../../shared/session/useSession.ts';
import { useLabels } from '../../../shared/labels.ts';
import { formatNumber } from '../../../shared/format.ts';
import { useSummary } from '../api/hooks.ts';
import { ResidentResults } from './ResidentResults.tsx';

export default function GridHomePage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const summary = useSummary();
  const n = (v: number | undefined) => formatNumber(v ?? 0, i18n.language);

  function search(e: FormEvent) {
    e.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {}, { replace: true });
  }

  const title = me.gridName ?? t('phoneGrid.communityTitle');
  return (
    <>
      <PageTitle title={title} back={{ to: '/m', label: t('common.home') }} />

      <Card title={t('phoneGrid.search')}>
        <form role="search" onSubmit={search} aria-label={t('phoneGrid.search')}>
          <label className="ph-field__label" htmlFor="grid-q">
            {t('phoneGrid.searchLabel')}
          </label>
          <span className="ph-field__hint" id="grid-q-hint">
            {t('phoneGrid.searchHint')}
          </span>
          <div className="ph-search">
            <input
              id="grid-q"
              className="ph-input"
              type="search"
              enterKeyHint="search"
              aria-describedby="grid-q-hint"
              maxLength={30}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="ph-btn">
              {t('phoneGrid.searchButton')}
            </button>
          </div>
        </form>
        {q && <ResidentResults filters={{ q, gridId: me.gridId ?? undefined }} />}
      </Card>

      <Card title={t('phoneGrid.summary')}>
        {summary.isPending && <Loading />}
        {summary.isError && <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.data && (
          <>
            <Stats
              label={t('phoneGrid.summary')}
              items={[
                { label: t('registry.buildings'), value: n(summary.data.buildings) },
                { label: t('registry.households'), value: n(summary.data.households) },
                { label: t('registry.residents'), value: n(summary.data.residents) },
                { label: t('registry.aged60Plus'), value: n(summary.data.residentsAged60Plus) },
              ]}
            />
            {Object.keys(summary.data.specialGroups).length > 0 && (
              <>
                <h3 className="ph-card__title" style={{ marginTop: '0.8em' }}>
                  {t('registry.specialGroups')}
                </h3>
                <Stats
                  label={t('registry.specialGroups')}
                  items={Object.entries(summary.data.specialGroups).map(([g, c]) => ({
                    label: labels.group(g),
                    value: n(c),
                  }))}
                />
              </>
            )}
          </>
        )}
      </Card>

      <Card title={t('phoneGrid.browse')}>
        <LinkList
          label={t('phoneGrid.browse')}
          items={[
            {
              key: 'households',
              to: '/m/grid/households',
              title: t('phoneGrid.households'),
              sub: t('phoneGrid.householdsDesc'),
            },
            ...(can(me, 'party.read')
              ? [{ key: 'party', to: '/m/grid/party', title: t('orgPhone.partyTitle'), sub: t('orgPhone.partyDesc') }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
