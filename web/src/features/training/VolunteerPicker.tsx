// A search box that finds a volunteer by name, pinyin or phone tail (the volunteers list API).
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { volunteersApi } from '../volunteers/api.ts';

export function VolunteerPicker({ value, onChange, id }: { value?: string | null; onChange: (id: string | null) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['volunteers', 'pick', q], queryFn: ({ signal }) => volunteersApi.list({ q: q || undefined, status: 'approved', pageSize: 20 }, signal) });
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
