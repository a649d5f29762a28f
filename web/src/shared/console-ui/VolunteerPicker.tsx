// A search box that finds an approved volunteer by name, pinyin or phone tail. It asks /api/volunteers
// itself (not through the volunteers feature) so any console page may use it without a cross-feature import.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

interface Pickable {
  id: string;
  name: string;
  age: number;
}

export function VolunteerPicker({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange: (id: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // Under the 'volunteers' key so that any change to volunteers refreshes the choices too.
  const list = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Pickable[] }>(
        '/api/volunteers',
        { q: q || undefined, status: 'approved', pageSize: 20 },
        signal,
      ),
  });
  return (
    <Select
      id={id}
      showSearch
      allowClear
      style={{ minWidth: 240 }}
      aria-label={t('console.svc.pickVolunteer')}
      placeholder={t('console.svc.pickVolunteer')}
      filterOption={false}
      onSearch={setQ}
      loading={list.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange((v as string | undefined) ?? null)}
      options={(list.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.age}）` }))}
    />
  );
}
