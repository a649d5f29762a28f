// The residents an activity served (服务对象): after it has started, those who run it name them, each a contact in
// the record of service. Adding or removing one saves the whole list at once (PUT served-residents).
import { useState } from 'react';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { useResidentSearch } from '../../../shared/api/residents.ts';
import { useCan } from '../../../shared/session/useSession.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { useServedResidents, useSetServedResidents, type ActivityDetail, type ServedResident } from '../api.ts';

/** Finds a resident by name, pinyin or phone tail (the registry's search, shared by every console page). */
function ResidentSearch({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useResidentSearch(q);
  return (
    <Select
      allowClear
      style={{ minWidth: 320 }}
      aria-label={t('act.served.search')}
      placeholder={t('act.served.search')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange((v as string | undefined) ?? null)}
      options={(found.data?.items ?? []).map((r) => ({
        value: r.id,
        label: t('act.served.option', { name: r.name, age: r.age, address: r.address }),
      }))}
      notFoundContent={q ? undefined : null}
    />
  );
}

export function ServedResidents({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const served = useServedResidents(a.id);
  const save = useSetServedResidents(a.id);
  // The residents' search is the registry's: without it (a team leader) the list can still be trimmed.
  const canSearch = useCan('registry.read');
  const [picked, setPicked] = useState<string | null>(null);
  const started = a.startsAt <= new Date().toISOString();
  const editable = started && a.status !== 'cancelled';
  const ids = (served.data ?? []).map((r) => r.residentId);

  const put = async (residentIds: string[], ok: string) => {
    try {
      await save.mutateAsync(residentIds);
      void message.success(ok);
      return true;
    } catch (e) {
      void message.error(errorText(e, t));
      return false;
    }
  };
  const add = async () => {
    if (!picked) return;
    if (ids.includes(picked)) {
      setPicked(null);
      return;
    }
    if (await put([...ids, picked], t('act.served.added'))) setPicked(null);
  };

  return (
    <Card size="small" title={t('act.detail.served')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {editable
            ? t('act.served.lead')
            : a.status === 'cancelled'
              ? t('act.served.cancelled')
              : t('act.served.notYet')}
        </Typography.Text>
        {editable && canSearch && (
          <Space wrap>
            <ResidentSearch value={picked} onChange={setPicked} />
            <Button type="primary" disabled={!picked} loading={save.isPending} onClick={() => void add()}>
              {t('act.served.add')}
            </Button>
          </Space>
        )}
        <QueryTable<ServedResident>
          query={served}
          rowKey="residentId"
          size="small"
          pagination={false}
          locale={{ emptyText: t('act.served.none') }}
          columns={[
            { title: t('act.served.name'), dataIndex: 'name' },
            { title: t('act.served.on'), dataIndex: 'servedOn' },
            ...(editable
              ? [
                  {
                    title: t('console.actions'),
                    key: 'a',
                    render: (_: unknown, r: ServedResident) => (
                      <ConfirmButton
                        label={t('act.served.remove')}
                        confirm={t('act.served.removeConfirm', { name: r.name })}
                        onConfirm={() =>
                          put(
                            ids.filter((x) => x !== r.residentId),
                            t('act.served.removed'),
                          )
                        }
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
